using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Conformance.Harness.Reports;
using Conformance.Harness.Scenarios;

namespace Harness.Tests.Schema;

/// <summary>The results contract itself (issue 21, item 3): versioned with the trace format, and strict enough to refuse a bad row.</summary>
public sealed partial class ResultsContractTests
{
    [GeneratedRegex(@"^\*\*Version (\d+)\.\*\*", RegexOptions.Multiline)]
    private static partial Regex TraceFormatVersion();

    [Theory]
    [InlineData(ResultsContract.RowSchema)]
    [InlineData(ResultsContract.SummarySchema)]
    public void A_schema_carries_the_trace_format_version_in_its_name_and_body(string file)
    {
        var version = TraceFormatVersion().Match(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "spec", "trace-format.md"))).Groups[1].Value;
        Assert.NotEqual("", version);
        Assert.EndsWith($".v{version}.schema.json", file);
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(ResultsContract.Folder, file)))!;
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)schema["$schema"]);
        Assert.Equal(int.Parse(version), (int?)schema["x-trace-format-version"]);
    }

    private static readonly ScenarioResult Row = new ScenarioResult
    {
        Id = "basics/run/x", Key = "basics/run/x", Feature = "basics/run.feature", Line = 3, Name = "x", Target = "reference",
        Status = "FAIL", Verdict = "UnexpectedFailure", Detail = "differs", ExitCode = 1, VerdictMessage = "m",
    }.WithTrace(["log: 1", "exit: ok"]);

    [Fact]
    public void A_row_as_the_harness_writes_it_conforms()
    {
        Assert.Equal("", ResultsContract.Errors(ResultsContract.RowSchema, Row.ToJsonLine()));
        Assert.Equal("", ResultsContract.Errors(ResultsContract.RowSchema, (Row with { Trace = null, TraceHash = null, Key = null }).ToJsonLine()));
    }

    [Theory]
    [InlineData("status", "\"MAYBE\"")]
    [InlineData("verdict", "\"Fine\"")]
    [InlineData("traceHash", "\"md5:00\"")]
    [InlineData("line", "-1")]
    [InlineData("surprise", "1")]
    public void A_row_with_a_bad_field_does_not(string field, string value)
    {
        var row = JsonNode.Parse(Row.ToJsonLine())!.AsObject();
        row[field] = JsonNode.Parse(value);
        Assert.NotEqual("", ResultsContract.Errors(ResultsContract.RowSchema, row.ToJsonString()));
    }

    [Fact]
    public void A_row_without_its_status_does_not()
    {
        var row = JsonNode.Parse(Row.ToJsonLine())!.AsObject();
        row.Remove("status");
        Assert.NotEqual("", ResultsContract.Errors(ResultsContract.RowSchema, row.ToJsonString(new JsonSerializerOptions())));
    }
}
