using Conformance.Harness.Reports;

namespace Conformance.Cli.Merge;

/// <summary>
/// The shards of one target joined (issue 21, item 2): every shard i of n present once, their selected counts adding up to the
/// whole selection, no row in two shards with different results. The rows come out in catalog order (the order
/// Conformance.Specs' ScenarioOrderer runs them in, so one unsharded run writes them so), rows the catalog does not know last
/// by key; identical rows that two shards both hold count once.
/// </summary>
public sealed record TargetMerge(string Target, IReadOnlyList<ShardFolder> Shards, IReadOnlyList<ScenarioResult> Rows,
    IReadOnlyList<string> Notices, IReadOnlyList<string> Failures)
{
    /// <summary>The shards of <paramref name="target"/> checked and joined, or an <see cref="InvalidDataException"/> naming the fault.</summary>
    public static TargetMerge Of(string target, IReadOnlyList<ShardFolder> shards, Func<string, int> catalogIndex)
    {
        var counts = shards.Select(s => s.Count).Distinct().ToArray();
        if (counts.Length > 1)
            throw new InvalidDataException($"{target}: the shards split the run differently ({string.Join(", ", shards.Select(s => $"{s.Path} is {s.Name}"))}): not shards of one run");
        var wholes = shards.Select(s => s.WholeSelection).Distinct().ToArray();
        if (wholes.Length > 1)
            throw new InvalidDataException($"{target}: the shards were cut from different selections ({string.Join(", ", shards.Select(s => $"{s.Path}: {s.WholeSelection} rows"))}): not shards of one run");
        var twice = shards.GroupBy(s => s.Index).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
            throw new InvalidDataException($"{target}: shard {twice.First().Name} is given twice ({string.Join(", ", twice.Select(s => s.Path))})");

        var byKey = new Dictionary<string, (ScenarioResult Row, ShardFolder Shard)>(StringComparer.Ordinal);
        foreach (var shard in shards)
            foreach (var row in shard.Rows)
            {
                if (!byKey.TryGetValue(row.Key!, out var seen)) { byKey[row.Key!] = (row, shard); continue; }
                if (!SameResult(seen.Row, row))
                    throw new InvalidDataException($"{target}: overlapping shards: the row {row.Key} is {Describe(seen.Row)} in {seen.Shard.Path} ({seen.Shard.Name}) "
                        + $"but {Describe(row)} in {shard.Path} ({shard.Name})");
            }

        var missing = Enumerable.Range(1, counts[0]).Except(shards.Select(s => s.Index)).ToArray();
        if (missing.Length > 0)
            throw new InvalidDataException($"{target}: missing shard(s) {string.Join(", ", missing.Select(i => $"{i}/{counts[0]}"))}: "
                + $"the shards given select {shards.Sum(s => s.Selected)} of the whole selection's {wholes[0]} rows");
        if (shards.Sum(s => s.Selected) != wholes[0])
            throw new InvalidDataException($"{target}: the shards' selected counts add up to {shards.Sum(s => s.Selected)} "
                + $"({string.Join(" + ", shards.Select(s => $"{s.Selected} in {s.Name}"))}), but the whole selection is {wholes[0]} rows");

        var rows = byKey.Values.Select(v => v.Row)
            .OrderBy(r => catalogIndex(r.Key!) is var i and >= 0 ? i : int.MaxValue).ThenBy(r => r.Key, StringComparer.Ordinal).ToArray();
        return new TargetMerge(target, [.. shards.OrderBy(s => s.Index)], rows,
            [.. shards.SelectMany(s => s.Notices).Distinct(StringComparer.Ordinal)],
            [.. shards.SelectMany(s => s.End.Failures).Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>What a repeated run must reproduce: status, verdict and trace (the time it took may differ).</summary>
    private static bool SameResult(ScenarioResult a, ScenarioResult b) =>
        a.Status == b.Status && a.Verdict == b.Verdict && a.Expected == b.Expected && a.TraceHash == b.TraceHash;

    private static string Describe(ScenarioResult row) => $"{row.Status} ({row.Verdict}, trace {row.TraceHash ?? "none"})";
}
