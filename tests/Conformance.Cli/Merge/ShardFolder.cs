using Conformance.Harness.Reports;

namespace Conformance.Cli.Merge;

/// <summary>
/// One shard's report folder (reports/&lt;target&gt;/ of a run with <c>-Shard i/n</c>), read and checked on its own (issue 21,
/// item 2): it reached its end (run-end.json, not cancelled), every row is of the run's target and carries its row key.
/// An unsharded folder (no shard.json) stands as shard 1/1 of its own selection.
/// </summary>
public sealed record ShardFolder(string Path, string Target, int Index, int Count, int Selected, int WholeSelection,
    IReadOnlyList<ScenarioResult> Rows, RunEnd End, IReadOnlyList<string> Notices)
{
    public string Name => $"{Index}/{Count}";

    /// <summary>The folder read, or an <see cref="InvalidDataException"/> saying precisely why it cannot be merged.</summary>
    public static ShardFolder Read(string path)
    {
        if (!Directory.Exists(path)) throw new InvalidDataException($"{path} is not a folder");
        var results = System.IO.Path.Combine(path, ResultsJournal.FileName);
        if (!File.Exists(results)) throw new InvalidDataException($"{path} has no {ResultsJournal.FileName}: not a report folder");
        var end = RunEnd.Read(path)
            ?? throw new InvalidDataException($"{path}: the shard's run did not reach its end (no {RunEnd.FileName}: cancelled, or its test host was lost); run the shard again");
        if (end.Cancelled) throw new InvalidDataException($"{path}: the shard's run was cancelled ({RunEnd.FileName}); run the shard again");
        var rows = ScenarioResult.ReadAll(results);
        foreach (var row in rows)
        {
            if (row.Target != end.Target)
                throw new InvalidDataException($"{path}: the row {row.Key ?? row.Id} is of target {row.Target}, but the run was on {end.Target} ({RunEnd.FileName}): two targets' folders are mixed up");
            if (row.Key is null)
                throw new InvalidDataException($"{path}: the row {row.Id} has no \"key\" (written by an older harness); run the shard again");
        }
        var selectedFile = System.IO.Path.Combine(path, ResultsJournal.SelectedFileName);
        if (!File.Exists(selectedFile) || !int.TryParse(File.ReadAllText(selectedFile).Trim(), out var selected))
            throw new InvalidDataException($"{path} has no readable {ResultsJournal.SelectedFileName}: the run's selection is unknown");
        var (index, count, whole) = (1, 1, selected);
        if (ShardRecord.Read(path) is { } shard)
        {
            var spec = Conformance.Harness.Execution.ShardSpec.Parse(shard.Shard);
            (index, count, whole) = (spec.Index, spec.Count, shard.WholeSelection);
        }
        return new ShardFolder(path, end.Target, index, count, selected, whole, rows, end, NoticesOf(path));
    }

    /// <summary>The loud lines at the top of the shard's summary.md (its notices), to carry into the merged summary.</summary>
    private static IReadOnlyList<string> NoticesOf(string path)
    {
        var summary = System.IO.Path.Combine(path, RequirementSummary.FileName);
        if (!File.Exists(summary)) return [];
        return [.. File.ReadLines(summary).Where(l => l.StartsWith("> **", StringComparison.Ordinal) && l.EndsWith("**", StringComparison.Ordinal))
            .Select(l => l[4..^2].Replace("\\|", "|"))];
    }
}
