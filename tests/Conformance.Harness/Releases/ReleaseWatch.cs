using Conformance.Harness.Execution;
using Conformance.Harness.Expectations;
using Conformance.Harness.Reports;
using Conformance.Harness.Snapshots;
using Conformance.Harness.Targets.Versions;

namespace Conformance.Harness.Releases;

/// <summary>How a scenario's result on a newer release differs from its pin's (issue 22, item 1).</summary>
public enum WatchChangeKind { NewFailure, NewPass, ChangedFailure }

/// <summary>One changed scenario: the pin's outcome, the release's, and the diff between the two traces.</summary>
public sealed record WatchChange(string ScenarioId, WatchChangeKind Kind, string Before, string After, string Diff)
{
    public string KindText => Kind switch
    {
        WatchChangeKind.NewFailure => "new failure",
        WatchChangeKind.NewPass => "new pass",
        _ => "changed failure",
    };
}

/// <summary>
/// The watch's verdict for one pinned target: the newest release of its line and what changed there against the pin, or
/// that npm has nothing newer, or why the release could not be run.
/// </summary>
public sealed record WatchVerdict(PinnedTarget Pin, string? Release, string? CompatibilityDate, IReadOnlyList<WatchChange> Changes,
    int Scenarios, string? Problem = null)
{
    /// <summary>Every release of the line newer than the pin, oldest first (the newest is the one run).</summary>
    public IReadOnlyList<string> Newer { get; init; } = [];

    /// <summary>Whether the watch reports something to act on: a changed scenario, or a release that did not run.</summary>
    public bool Changed => Changes.Count > 0 || Problem is not null;

    public static WatchVerdict NoNewerRelease(PinnedTarget pin) => new(pin, null, null, [], 0);

    public static WatchVerdict DidNotRun(PinnedTarget pin, string release, string problem) => new(pin, release, null, [], 0, problem);

    /// <summary>The verdict as text: one line, then a block per changed scenario with its diff.</summary>
    public IEnumerable<string> Lines()
    {
        var pinned = $"{Pin.Name} (pin {Pin.Version.TargetName})";
        if (Release is null) { yield return $"{pinned}: no release of its line newer than the pin"; yield break; }
        var ran = $"{pinned}: {Pin.Version.Family.Name}@{Release}" + (CompatibilityDate is null ? "" : $", compatibility date {CompatibilityDate}")
            + (Newer.Count > 1 ? $" (newest of {Newer.Count} newer: {string.Join(", ", Newer)})" : "");
        if (Problem is not null) { yield return $"{ran}: did not run: {Problem}"; yield break; }
        if (Changes.Count == 0) { yield return $"{ran}: same results as the pin ({Scenarios} scenarios)"; yield break; }
        int Count(WatchChangeKind kind) => Changes.Count(c => c.Kind == kind);
        yield return $"{ran}: {Changes.Count} of {Scenarios} scenarios changed: {Count(WatchChangeKind.NewFailure)} new failures, " +
            $"{Count(WatchChangeKind.NewPass)} new passes, {Count(WatchChangeKind.ChangedFailure)} changed failures";
        foreach (var change in Changes)
        {
            yield return $"  {change.KindText}: {change.ScenarioId}: {change.Before} -> {change.After}";
            foreach (var line in change.Diff.TrimEnd('\n').Split('\n')) yield return "    " + line;
        }
    }
}

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
        foreach (var row in rows.GroupBy(r => r.Id, StringComparer.Ordinal).Select(g => g.Last()).OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            if (row.Status is "NOT-APPLICABLE" or "SKIP") continue;
            var entry = pinList.Find(row.Id);
            var after = ObservedOutcome.Of(row);
            var received = row.Trace ?? [];
            if (entry is null)
            {
                if (after.Passes) continue;
                changes.Add(new(row.Id, WatchChangeKind.NewFailure, "PASS", after.ToString(),
                    SnapshotStore.Diff(verifiedOf(row), received, "verified (the pin passes)", "this release")));
                continue;
            }
            var before = new ObservedOutcome(entry.Status?.Text() ?? "FAIL", entry.Digest);
            if (before.SameAs(after) || (entry.Digest is null && before.Status == after.Status)) continue;
            var pinnedPath = pinList.TracePathOf(row.Id);
            IReadOnlyList<string>? pinned = File.Exists(pinnedPath) ? TraceText.Read(pinnedPath) : null;
            changes.Add(after.Passes
                ? new(row.Id, WatchChangeKind.NewPass, before.ToString(), "PASS",
                    SnapshotStore.Diff(pinned, row.Trace ?? verifiedOf(row) ?? [], "pinned failing trace", "this release"))
                : new(row.Id, WatchChangeKind.ChangedFailure, before.ToString(), after.ToString(),
                    SnapshotStore.Diff(pinned, received, "pinned failing trace", "this release")));
        }
        return changes;
    }

    /// <summary>The verified trace of a row's scenario, features/&lt;feature stem&gt;.&lt;scenario slug&gt;.verified.txt (null: none).</summary>
    public static IReadOnlyList<string>? VerifiedOf(string featuresRoot, ScenarioResult row)
    {
        var stem = row.Feature.EndsWith(".feature", StringComparison.Ordinal) ? row.Feature[..^".feature".Length] : row.Feature;
        var path = Path.Combine(featuresRoot, $"{stem}.{row.Id[(row.Id.LastIndexOf('/') + 1)..]}{SnapshotStore.VerifiedSuffix}");
        return File.Exists(path) ? TraceText.Read(path) : null;
    }

    /// <summary>Exit code of the watch: 0 when nothing changed on any line, 1 when something did (or a release did not run).</summary>
    public static int ExitCode(IEnumerable<WatchVerdict> verdicts) => verdicts.Any(v => v.Changed) ? 1 : 0;
}
