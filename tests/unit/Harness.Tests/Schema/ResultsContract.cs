using System.Text.Json;
using Json.Schema;

namespace Harness.Tests.Schema;

/// <summary>
/// The results contract (issue 21, item 3): spec/schema/, JSON Schema draft 2020-12, checked with a real validator
/// (JsonSchema.Net). Also compiled into Explore.Tests, for summary.json.
/// </summary>
internal static class ResultsContract
{
    public const string RowSchema = "results-row.v2.schema.json";
    public const string SummarySchema = "exploration-summary.v2.schema.json";

    /// <summary>spec/schema/ of the repository this test assembly was built in.</summary>
    public static string Folder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (Directory.Exists(Path.Combine(dir.FullName, "spec", "schema"))) return Path.Combine(dir.FullName, "spec", "schema");
            throw new DirectoryNotFoundException($"no spec/schema above {AppContext.BaseDirectory}");
        }
    }

    private static readonly Dictionary<string, JsonSchema> Loaded = [];

    public static JsonSchema Load(string fileName)
    {
        lock (Loaded)
        {
            if (!Loaded.TryGetValue(fileName, out var schema))
                Loaded[fileName] = schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(Folder, fileName)));
            return schema;
        }
    }

    /// <summary>The schema's errors for one JSON text, "" when it conforms.</summary>
    public static string Errors(string schemaFile, string json)
    {
        using var document = JsonDocument.Parse(json);
        var result = Load(schemaFile).Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid) return "";
        return string.Join("; ", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} (at {d.EvaluationPath}): {e.Value}")));
    }

    /// <summary>Every row of a results.jsonl conforms to <see cref="RowSchema"/>, and there is at least one.</summary>
    public static void AssertResults(string resultsFile)
    {
        var lines = File.ReadLines(resultsFile).Where(l => l.Trim().Length > 0).ToArray();
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            var errors = Errors(RowSchema, line);
            Assert.True(errors.Length == 0, $"{resultsFile}: a row does not match spec/schema/{RowSchema}: {errors}\n{line}");
        }
    }

    /// <summary>A summary.json conforms to <see cref="SummarySchema"/>.</summary>
    public static void AssertSummary(string summaryFile)
    {
        var errors = Errors(SummarySchema, File.ReadAllText(summaryFile));
        Assert.True(errors.Length == 0, $"{summaryFile} does not match spec/schema/{SummarySchema}: {errors}");
    }
}
