namespace Conformance.Harness.Reports;

/// <summary>
/// results.jsonl in the report folder, written as scenarios finish (so a run that is stopped still leaves its results),
/// and kept in memory for the summary at the end. The file is started afresh by each run.
/// </summary>
public sealed class ResultsJournal
{
    public const string FileName = "results.jsonl";

    /// <summary>Beside results.jsonl: how many rows this run selected (after --filter and the shard), for progress lines.</summary>
    public const string SelectedFileName = "selected.txt";
    private readonly List<ScenarioResult> _results = [];
    private readonly Lock _gate = new();

    public string Path { get; }

    public ResultsJournal(string reportDirectory)
    {
        Directory.CreateDirectory(reportDirectory);
        Path = System.IO.Path.Combine(reportDirectory, FileName);
        File.WriteAllText(Path, "");
        File.Delete(System.IO.Path.Combine(reportDirectory, SelectedFileName));
    }

    /// <summary>Records the size of the selection (<see cref="SelectedFileName"/>), written before any row runs.</summary>
    public void WriteSelectedCount(int count) =>
        File.WriteAllText(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Path)!, SelectedFileName), $"{count}\n");

    public void Add(ScenarioResult result)
    {
        lock (_gate)
        {
            _results.Add(result);
            File.AppendAllText(Path, result.ToJsonLine() + "\n");
        }
    }

    public IReadOnlyList<ScenarioResult> Results
    {
        get { lock (_gate) return [.. _results]; }
    }
}
