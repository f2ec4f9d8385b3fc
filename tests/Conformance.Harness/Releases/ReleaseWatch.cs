using Conformance.Harness.Execution;
using Conformance.Harness.Expectations;
using Conformance.Harness.Reports;
using Conformance.Harness.Snapshots;
using Conformance.Harness.Targets.Versions;

namespace Conformance.Harness.Releases;

/// <summary>
/// The release watch's logic (issue 22, item 1), free of npm and of runs so it is tested on recorded results: which release of a
/// pinned target's line to run, and how its results differ from the pin's, which are its known-failure list (every listed
/// scenario fails with the pinned status and trace, every other passes with the verified trace; the lists are re-pinned from
/// whole-suite runs of the pin).
/// </summary>
public static class ReleaseWatch
{
    /// <summary>The releases npm publishes of the pin's line (same major for node, deno, bun; any for workerd) newer than the pin,
    /// oldest first, pre-releases left out: the watch runs the last.</summary>
    public static IReadOnlyList<string> NewerOfLine(PinnedTarget pin, IEnumerable<string> published)
    {
        var family = pin.Version.Family;
        return [.. published
            .Where(v => RuntimeVersion.TryParse($"{family.Name}@{v}", out _) is not null && !v.Contains('-'))
            .Where(v => !family.HasMajorLines || PinnedTargets.Major(v) == PinnedTargets.Major(pin.Version.Version))
            .Where(v => VersionOrder.Instance.Compare(v, pin.Version.Version) > 0)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(v => v, VersionOrder.Instance)];
    }

    /// <param name="pinList">The pin's known-failure list (its pinned traces beside it).</param>
    /// <param name="rows">The release's results.jsonl rows.</param>
    /// <param name="verifiedOf">The verified trace of a scenario (null when it has none), the trace the pin passes with.</param>
    public static IReadOnlyList<WatchChange> Compare(KnownFailureList pinList, IReadOnlyList<ScenarioResult> rows,
        Func<ScenarioResult, IReadOnlyList<string>?> verifiedOf)
    {
        var changes = new List<WatchChange>();
        foreach (var row in LastPerScenario(rows))
        {
            if (row.Status is "NOT-APPLICABLE" or "SKIP") continue;
            var entry = pinList.Find(row.Id);
            var after = ObservedOutcome.Of(row);
            var received = row.Trace ?? [];
            if (entry is null)
            {
                if (after.Passes) continue;
                changes.Add(new(row.Id, WatchChangeKind.NewFailure, Pass, after,
                    SnapshotStore.Diff(verifiedOf(row), received, "verified (the pin passes)", "this release")));
                continue;
            }
            var before = new ObservedOutcome(entry.Status?.Text() ?? "FAIL", entry.Digest);
            if (before.SameAs(after) || (entry.Digest is null && before.Status == after.Status)) continue;
            var pinnedPath = pinList.TracePathOf(row.Id);
            IReadOnlyList<string>? pinned = File.Exists(pinnedPath) ? TraceText.Read(pinnedPath) : null;
            changes.Add(new(row.Id, KindOf(before, after), before, after,
                SnapshotStore.Diff(pinned, row.Trace ?? (after.Passes ? verifiedOf(row) : null) ?? [], "pinned failing trace", "this release")));
        }
        return changes;
    }

    /// <summary>
    /// The changes between two runs of the same selection (<c>--since</c>: the baseline release's run, then the newer release's):
    /// every scenario whose status or, for a failure, trace differs. A scenario the baseline did not run is left out.
    /// </summary>
    public static IReadOnlyList<WatchChange> CompareRuns(IReadOnlyList<ScenarioResult> baselineRows, IReadOnlyList<ScenarioResult> rows,
        string baselineName, Func<ScenarioResult, IReadOnlyList<string>?> verifiedOf)
    {
        var baseline = LastPerScenario(baselineRows).ToDictionary(r => r.Id, StringComparer.Ordinal);
        var changes = new List<WatchChange>();
        foreach (var row in LastPerScenario(rows))
        {
            if (!baseline.TryGetValue(row.Id, out var was)) continue;
            var (before, after) = (ObservedOutcome.Of(was), ObservedOutcome.Of(row));
            if (before.SameAs(after) || (before.Status == after.Status && before.Status is "NOT-APPLICABLE" or "SKIP")) continue;
            IReadOnlyList<string> TraceOf(ScenarioResult r) => r.Trace ?? (r.Status == "PASS" ? verifiedOf(r) : null) ?? [];
            changes.Add(new(row.Id, KindOf(before, after), before, after, SnapshotStore.Diff(TraceOf(was), TraceOf(row), baselineName, "this release")));
        }
        return changes;
    }

    private static readonly ObservedOutcome Pass = new("PASS", null);

    private static WatchChangeKind KindOf(ObservedOutcome before, ObservedOutcome after) =>
        before.Passes ? WatchChangeKind.NewFailure
        : after.Passes ? WatchChangeKind.NewPass
        : before.Status == after.Status ? WatchChangeKind.ChangedTrace
        : WatchChangeKind.ChangedFailure;

    private static IEnumerable<ScenarioResult> LastPerScenario(IEnumerable<ScenarioResult> rows) =>
        rows.GroupBy(r => r.Id, StringComparer.Ordinal).Select(g => g.Last()).OrderBy(r => r.Id, StringComparer.Ordinal);

    /// <summary>
    /// The date a workerd release runs the scenarios that name none at: the asked (or default) date, clamped to the release's
    /// newest, which its version carries (1.20261117.1: 2026-11-17; CD-2).
    /// </summary>
    public static string WorkerdRunDate(string release, string asked)
    {
        var parts = release.Split('.');
        if (parts.Length < 2 || parts[1].Length != 8) return asked;
        var newest = $"{parts[1][..4]}-{parts[1][4..6]}-{parts[1][6..]}";
        return string.CompareOrdinal(newest, asked) < 0 ? newest : asked;
    }

    /// <summary>The `dotnet test --filter` that selects one scenario (a flag finding's probe): VSTest's special characters escaped.</summary>
    public static string ScenarioFilter(string scenarioId) =>
        "ScenarioId=" + string.Concat(scenarioId.Select(c => c is '\\' or '(' or ')' or '&' or '|' or '=' or '!' or '~' or ',' ? $"\\{c}" : c.ToString()));

    /// <summary>The verified trace of a row's scenario, features/&lt;feature stem&gt;.&lt;scenario slug&gt;.verified.txt (null: none).</summary>
    public static IReadOnlyList<string>? VerifiedOf(string featuresRoot, ScenarioResult row)
    {
        var stem = row.Feature.EndsWith(".feature", StringComparison.Ordinal) ? row.Feature[..^".feature".Length] : row.Feature;
        var path = Path.Combine(featuresRoot, $"{stem}.{row.Id[(row.Id.LastIndexOf('/') + 1)..]}{SnapshotStore.VerifiedSuffix}");
        return File.Exists(path) ? TraceText.Read(path) : null;
    }

    /// <summary>
    /// Exit code of the watch (docs/releases.md, "Exit codes"): 1 when a scenario changed status on any line or a release did not
    /// run; else 3 when only known failures changed their traces; else 0. (2 is a usage error.)
    /// </summary>
    public static int ExitCode(IEnumerable<WatchVerdict> verdicts)
    {
        var all = verdicts.ToList();
        return all.Any(v => v.StatusChanged) ? 1 : all.Any(v => v.OnlyTracesChanged) ? 3 : 0;
    }
}
