using Conformance.Harness.Reports;
using Conformance.Harness.Scenarios;

namespace Harness.Tests.Reports;

public sealed class RepeatabilityTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static ScenarioResult R(string id, string status, params string[] trace) => new ScenarioResult
    {
        Id = id, Feature = "f.feature", Name = id, Target = "reference", Status = status, Verdict = "x",
    }.WithTrace(trace);

    [Fact]
    public void The_trace_hash_is_sha256_of_the_snapshot_text_and_small_traces_are_kept()
    {
        var result = R("a", "PASS", "log: 1", "end");
        // printf 'log: 1\nend\n' | sha256sum
        Assert.Equal("sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("log: 1\nend\n"u8.ToArray())), result.TraceHash);
        Assert.Equal(2, result.TraceLines);
        Assert.Equal(["log: 1", "end"], result.Trace);
        Assert.NotEqual(result.TraceHash, R("a", "PASS", "log: 1", "end", "").TraceHash);

        var big = R("b", "CRASH", [.. Enumerable.Repeat(new string('x', 1000), 100)]);
        Assert.Null(big.Trace);
        Assert.Equal(100, big.TraceLines);
        Assert.StartsWith("sha256:", big.TraceHash);
        var roundTrip = ScenarioResult.FromJsonLine(big.ToJsonLine());
        Assert.Equal(big.TraceHash, roundTrip.TraceHash);
    }

    [Fact]
    public void Identical_runs_change_nothing()
    {
        var run = new[] { R("a", "PASS", "end"), R("b", "FAIL", "log: x", "end"), R("c", "TIMEOUT") };
        var report = Assert.Single(Repeatability.Compare([run, run, run]));
        Assert.Equal("repeatability: reference 3 runs, 0 scenarios changed", report.Headline);
        Assert.Equal(3, report.Scenarios);
        Assert.Empty(report.Changed);
    }

    [Fact]
    public void A_changed_status_a_changed_trace_and_a_missing_result_are_each_reported()
    {
        IReadOnlyList<ScenarioResult>[] runs =
        [
            [R("a", "PASS", "end"), R("b", "PASS", "log: 1", "end"), R("c", "PASS", "end"), R("d", "FAIL", "log: same", "end")],
            [R("a", "TIMEOUT"), R("b", "PASS", "log: 2", "end"), R("d", "FAIL", "log: same", "end")],
            [R("a", "PASS", "end"), R("b", "PASS", "log: 1", "end"), R("c", "PASS", "end"), R("d", "FAIL", "log: same", "end")],
        ];

        var report = Assert.Single(Repeatability.Compare(runs));

        Assert.Equal("repeatability: reference 3 runs, 3 scenarios changed", report.Headline);
        Assert.Equal(["a", "b", "c"], report.Changed.Select(c => c.Id));
        var a = report.Changed[0];
        Assert.Equal([[1, 3], [2]], a.Variants.Select(v => v.Runs));
        Assert.Equal(["PASS", "TIMEOUT"], a.Variants.Select(v => v.Observation.Status));
        Assert.Equal("first difference at trace line 1: \"log: 1\" vs \"log: 2\"", report.Changed[1].FirstDifference());
        Assert.Equal("no result", report.Changed[2].Variants[1].Observation.ToString());

        var text = Repeatability.Render([report]);
        Assert.StartsWith("repeatability: reference 3 runs, 3 scenarios changed (of 4 scenarios)\n", text);
        Assert.Contains("  CHANGED a  (a)\n    runs 1,3: PASS sha256:", text);
        Assert.Contains("    run 2: TIMEOUT sha256:", text);
        Assert.Contains("    run 2: no result\n", text);
        Assert.DoesNotContain("CHANGED d", text);
    }

    [Fact]
    public void Targets_are_compared_separately()
    {
        var node = R("a", "PASS", "end") with { Target = "node" };
        var reports = Repeatability.Compare([[R("a", "PASS", "end"), node], [R("a", "PASS", "end"), node with { Status = "FAIL" }]]);
        Assert.Equal(["reference", "node"], reports.Select(r => r.Target));
        Assert.Empty(reports[0].Changed);
        Assert.Single(reports[1].Changed);
    }

    [Theory]
    [InlineData(new[] { 1, 2, 3, 5, 7, 8 }, "1-3,5,7-8")]
    [InlineData(new[] { 4 }, "4")]
    public void Runs_are_written_as_ranges(int[] runs, string text) => Assert.Equal(text, Repeatability.Ranges(runs));

    [Fact]
    public void Results_without_a_trace_hash_are_refused_not_compared()
    {
        var path = _temp.File("results.jsonl");
        File.WriteAllText(path, """{"id":"a","feature":"f","name":"a","target":"t","status":"PASS","verdict":"Passed"}""" + "\n");
        Assert.Throws<InvalidDataException>(() => Repeatability.Load([path]));
        Assert.Throws<FileNotFoundException>(() => Repeatability.Load([_temp.File("nowhere")]));
    }

    private static (int Exit, string Out) Cli(params string[] args) => CliTool.Run(args);

    private string RunDir(int i, params ScenarioResult[] results)
    {
        var dir = _temp.File($"run-{i}");
        var journal = new ResultsJournal(dir);
        foreach (var r in results) journal.Add(r);
        return dir;
    }

    [Fact]
    public void The_cli_verb_exits_0_when_nothing_changed_1_when_something_did_and_2_on_bad_input()
    {
        var same1 = RunDir(1, R("a", "PASS", "end"));
        var same2 = RunDir(2, R("a", "PASS", "end"));
        var other = RunDir(3, R("a", "PASS", "log: extra", "end"));

        var (exit, output) = Cli("repeatability", same1, same2);
        Assert.Equal(0, exit);
        Assert.Contains("repeatability: reference 2 runs, 0 scenarios changed", output);

        var outFile = _temp.File("out/repeatability.txt");
        (exit, output) = Cli("repeatability", "--out", outFile, same1, same2, other);
        Assert.Equal(1, exit);
        Assert.Contains("repeatability: reference 3 runs, 1 scenarios changed", output);
        Assert.Contains("CHANGED a", output);
        Assert.Equal(output, File.ReadAllText(outFile));

        Assert.Equal(2, Cli("repeatability", same1, _temp.File("missing")).Exit);
        Assert.Equal(2, Cli("repeatability").Exit);
    }
}
