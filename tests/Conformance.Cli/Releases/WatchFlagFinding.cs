using Conformance.Harness.Releases;
using Conformance.Harness.Reports;
using Conformance.Harness.Targets.Versions;

namespace Conformance.Cli.Releases;

/// <summary>
/// The watch's flag finding for workerd (issue 22, item 3): for each changed scenario, runs it alone on the new release with flags
/// turned off (or at the baseline's date) as <see cref="FlagFinder"/> asks, and names the flag or date that gives back the
/// baseline's outcome. The flags are read from the new release's binary, the suspects from both binaries (<see cref="WorkerdFlags"/>).
/// Each probe's report is kept under &lt;report root&gt;/flag-finding/&lt;release&gt;/&lt;scenario&gt;/&lt;n&gt;/.
/// </summary>
internal sealed class WatchFlagFinding(string repositoryRoot, string reportRoot, RuntimeCache cache, Action<string> log)
{
    public async Task<IReadOnlyList<WatchChange>> AddFindingsAsync(IReadOnlyList<WatchChange> changes, string release, string runDate,
        string baselineRelease, string baselineDate)
    {
        if (changes.Count == 0) return changes;
        var (newer, problem) = await WorkerdFlagsVerb.ReadAsync(release, cache);
        if (newer is null) { log($"watch: flag finding skipped: {problem}"); return changes; }
        var (older, olderProblem) = await WorkerdFlagsVerb.ReadAsync(baselineRelease, cache);
        if (older is null) log($"watch: no suspects from the baseline's binary: {olderProblem}");
        var readBefore = older?.Reads.Select(r => r.Flag).ToHashSet(StringComparer.Ordinal) ?? [];
        var suspects = older is null ? [] : newer.Reads.Select(r => r.Flag).Where(f => !readBefore.Contains(f)).Distinct().ToList();
        var onAtDate = newer.Dated.Where(f => string.CompareOrdinal(f.Date, runDate) <= 0).ToList();
        var found = new List<WatchChange>();
        foreach (var change in changes)
        {
            var probes = 0;
            var folder = Path.Combine(reportRoot, "flag-finding", $"workerd@{release}", change.ScenarioId.Replace('/', '.'));
            Task<ObservedOutcome> Probe(IReadOnlyList<string> flags, string date) =>
                RunOneAsync(change.ScenarioId, release, date, flags, Path.Combine(folder, (++probes).ToString()));
            var finder = new FlagFinder(set => Probe([.. set.Select(f => f.DisableName)], runDate), date => Probe([], date));
            log($"watch: flag finding for {change.ScenarioId} on workerd@{release} ({onAtDate.Count} flags on at {runDate}; suspects: " +
                $"{(suspects.Count == 0 ? "none" : string.Join(", ", suspects))})");
            var finding = await finder.FindAsync(change.Before, change.After, onAtDate, suspects, runDate, baselineDate);
            log($"watch: {change.ScenarioId}: {finding}");
            foreach (var step in finding.Probes) log($"watch:   probe {step}");
            found.Add(change with { Finding = finding });
        }
        return found;
    }

    private async Task<ObservedOutcome> RunOneAsync(string scenarioId, string release, string date, IReadOnlyList<string> flags, string dir)
    {
        var runner = new SuiteReleaseRunner(repositoryRoot, dir, ReleaseWatch.ScenarioFilter(scenarioId), r => $"workerd@{r}", _ => date, cache, _ => { })
        { CompatibilityFlags = flags };
        var run = await runner.RunAsync(release, CancellationToken.None);
        return run.Started ? run.OutcomeOf(scenarioId) : new ObservedOutcome("NOT-STARTED", null);
    }
}
