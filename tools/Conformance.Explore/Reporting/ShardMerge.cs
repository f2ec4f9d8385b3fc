namespace Conformance.Explore.Reporting;

/// <summary>
/// Merges shard reports of one exploration (same seed, count and target) into one: counts add up, groups with the same
/// signature add their counts and keep the scenario of the lowest program index (what one unsharded run keeps), wall time is
/// the longest shard's (shards run side by side) and programs per second the sum of the shards'.
/// </summary>
public static class ShardMerge
{
    public static ExplorationSummary Merge(IReadOnlyList<string> shardDirectories, string into)
    {
        if (shardDirectories.Count == 0) throw new ArgumentException("no shard report to merge", nameof(shardDirectories));
        var shards = shardDirectories.Select(d => (Directory: d, Summary: ExplorationSummary.Load(d))).ToList();
        var first = shards[0].Summary;
        foreach (var (directory, summary) in shards)
        {
            if (summary.Seed != first.Seed || summary.Count != first.Count || summary.Target != first.Target)
                throw new InvalidDataException($"{directory} is seed {summary.Seed}, {summary.Count} programs on {summary.Target}; "
                    + $"{shards[0].Directory} is seed {first.Seed}, {first.Count} programs on {first.Target}: not shards of one exploration");
        }
        var shardNames = shards.SelectMany(s => s.Summary.Shards).ToList();
        var duplicate = shardNames.GroupBy(s => s).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidDataException($"shard {duplicate.Key} appears twice: its programs would count twice");

        Directory.CreateDirectory(into);
        var divergences = new List<SummaryDivergence>();
        foreach (var group in shards.SelectMany(s => s.Summary.Divergences.Select(d => (s.Directory, d))).GroupBy(x => x.d.Signature, StringComparer.Ordinal))
        {
            var (directory, kept) = group.MinBy(x => x.d.FirstIndex);
            foreach (var file in ScenarioFiles.FilesOf(kept.Scenario))
            {
                var source = Path.Combine(directory, file);
                if (!File.Exists(source)) throw new FileNotFoundException($"{source} is named by {directory}/summary.json but missing", source);
                var target = Path.Combine(into, file);
                if (Path.GetFullPath(source) != Path.GetFullPath(target)) File.Copy(source, target, overwrite: true);
            }
            divergences.Add(kept with { Count = group.Sum(x => x.d.Count) });
        }
        var all = shards.Select(s => s.Summary).ToList();
        var merged = new ExplorationSummary(first.Seed, first.Target, first.Count, [.. shardNames.Order(StringComparer.Ordinal)],
            all.Sum(s => s.Programs), all.Sum(s => s.DiscardedUnstable), all.Sum(s => s.Timeouts), all.Sum(s => s.Crashes),
            all.Sum(s => s.Errors), all.Sum(s => s.TruthFailures),
            [.. divergences.OrderBy(d => d.Signature, StringComparer.Ordinal)],
            Math.Round(all.Sum(s => s.ProgramsPerSecond), 2), all.Max(s => s.WallSeconds))
        {
            NotCompleted = [.. all.SelectMany(s => s.NotCompleted).Order()],
            Sources = [.. all.SelectMany(s => s.Sources).GroupBy(s => (s.Module, s.Path)).Select(g => g.First() with { Programs = g.Sum(s => s.Programs) })
                .OrderBy(s => s.Module, StringComparer.Ordinal).ThenBy(s => s.Path, StringComparer.Ordinal)],
        };
        merged.Save(into);
        return merged;
    }
}
