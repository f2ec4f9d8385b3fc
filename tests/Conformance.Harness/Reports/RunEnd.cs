using System.Text.Json;

namespace Conformance.Harness.Reports;

/// <summary>
/// <c>run-end.json</c> in a target's report folder: written last, by a run that reached its end (issue 18, items 1, 5, 6, 8).
/// Its absence means the run never got there (cancelled, or the test host was lost): run-conformance.ps1 then calls the reports
/// incomplete and names the rows that did not run. <see cref="Failures"/> fail the run without being any row's result: a
/// known-failure list that could not be written or has bad lines, orphan verified files and other traceability problems.
/// </summary>
public sealed record RunEnd(string Target, bool Cancelled, IReadOnlyList<string> Failures)
{
    public const string FileName = "run-end.json";

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public void Write(string reportDirectory) =>
        File.WriteAllText(Path.Combine(reportDirectory, FileName), JsonSerializer.Serialize(this, Options) + "\n");

    /// <summary>The run's end record, or null when the folder has none (the run did not reach its end).</summary>
    public static RunEnd? Read(string reportDirectory)
    {
        var path = Path.Combine(reportDirectory, FileName);
        return File.Exists(path) ? JsonSerializer.Deserialize<RunEnd>(File.ReadAllText(path), Options) : null;
    }
}
