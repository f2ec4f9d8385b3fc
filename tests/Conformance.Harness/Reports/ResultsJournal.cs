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
        File.Delete(System.IO.Path.Combine(reportDirectory, SelectionFileName));
        File.Delete(System.IO.Path.Combine(reportDirectory, ShardRecord.FileName));
    }

    /// <summary>Beside results.jsonl: the selected rows' keys, one a line, so an incomplete run can name what did not run (issue 18, item 5).</summary>
    public const string SelectionFileName = "selection.txt";

    /// <summary>Records the selection (<see cref="SelectedFileName"/>, <see cref="SelectionFileName"/>), written before any row runs.</summary>
    public void WriteSelection(IReadOnlyCollection<string> keys)
    {
        var folder = System.IO.Path.GetDirectoryName(Path)!;
        File.WriteAllText(System.IO.Path.Combine(folder, SelectionFileName), string.Concat(keys.Select(k => k + "\n")));
        File.WriteAllText(System.IO.Path.Combine(folder, SelectedFileName), $"{keys.Count}\n");
    }

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
