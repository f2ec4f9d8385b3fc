using Conformance.Harness.Targets.Versions;

namespace Conformance.Harness.Releases;

/// <summary>
/// How a scenario's result on a newer release differs from its baseline's (issue 22, items 1 and 3). The first three change its
/// status; <see cref="ChangedTrace"/> is a failure with the same status and another trace (a known failure failing differently).
/// </summary>
public enum WatchChangeKind { NewFailure, NewPass, ChangedFailure, ChangedTrace }

/// <summary>One changed scenario: the baseline's outcome, the release's, the diff between the two traces, and (workerd) what governs it.</summary>
public sealed record WatchChange(string ScenarioId, WatchChangeKind Kind, ObservedOutcome Before, ObservedOutcome After, string Diff)
{
    /// <summary>Which compatibility flag or date governs the change (workerd only; null when not looked for).</summary>
    public FlagFinding? Finding { get; init; }

    public bool ChangesStatus => Kind != WatchChangeKind.ChangedTrace;

    public string KindText => Kind switch
    {
        WatchChangeKind.NewFailure => "new failure",
        WatchChangeKind.NewPass => "new pass",
        WatchChangeKind.ChangedFailure => "changed failure",
        _ => "known failure, trace changed",
    };
}

/// <summary>
/// The watch's verdict for one pinned target: the newest release of its line and what changed there against the baseline (the
/// pin's known-failure list, or a run of the release named by <c>--since</c>), or that npm has nothing newer, or why a release
/// could not be run.
/// </summary>
public sealed record WatchVerdict(PinnedTarget Pin, string? Release, string? CompatibilityDate, IReadOnlyList<WatchChange> Changes,
    int Scenarios, string? Problem = null)
{
    /// <summary>Every release of the line newer than the baseline, oldest first (the newest is the one run).</summary>
    public IReadOnlyList<string> Newer { get; init; } = [];

    /// <summary>The release compared with (<c>workerd@1.20261117.1</c>, from <c>--since</c>); null: the pin's known-failure list.</summary>
    public string? Baseline { get; init; }

    /// <summary>A scenario changed status, or a release did not run: exit code 1.</summary>
    public bool StatusChanged => Changes.Any(c => c.ChangesStatus) || Problem is not null;

    /// <summary>Only failures that stay failures with another trace: exit code 3 (the pin can move once their traces are re-pinned).</summary>
    public bool OnlyTracesChanged => !StatusChanged && Changes.Count > 0;

    public static WatchVerdict NoNewerRelease(PinnedTarget pin) => new(pin, null, null, [], 0);

    public static WatchVerdict DidNotRun(PinnedTarget pin, string release, string problem) => new(pin, release, null, [], 0, problem);

    /// <summary>The verdict as text: one line, then a block per changed scenario with its finding and diff.</summary>
    public IEnumerable<string> Lines()
    {
        var against = Baseline is null ? "the pin" : Baseline;
        var pinned = Baseline is null ? $"{Pin.Name} (pin {Pin.Version.TargetName})" : $"{Pin.Name} (since {Baseline})";
        if (Release is null) { yield return $"{pinned}: no release of its line newer than {against}"; yield break; }
        var ran = $"{pinned}: {Pin.Version.Family.Name}@{Release}" + (CompatibilityDate is null ? "" : $", compatibility date {CompatibilityDate}")
            + (Newer.Count > 1 ? $" (newest of {Newer.Count} newer: {string.Join(", ", Newer)})" : "");
        if (Problem is not null) { yield return $"{ran}: did not run: {Problem}"; yield break; }
        if (Changes.Count == 0) { yield return $"{ran}: same results as {against} ({Scenarios} scenarios)"; yield break; }
        int Count(WatchChangeKind kind) => Changes.Count(c => c.Kind == kind);
        var traces = $"{Count(WatchChangeKind.ChangedTrace)} known-failure traces changed";
        var statusChanges = Changes.Count(c => c.ChangesStatus);
        yield return statusChanges == 0
            ? $"{ran}: same statuses as {against} ({Scenarios} scenarios); {traces}"
            : $"{ran}: {statusChanges} of {Scenarios} scenarios changed status: {Count(WatchChangeKind.NewFailure)} new failures, " +
              $"{Count(WatchChangeKind.NewPass)} new passes, {Count(WatchChangeKind.ChangedFailure)} changed failures; {traces}";
        foreach (var change in Changes.OrderBy(c => c.ChangesStatus ? 0 : 1))
        {
            yield return $"  {change.KindText}: {change.ScenarioId}: {change.Before} -> {change.After}";
            if (change.Finding is { } finding) yield return $"    flag finding: {finding}";
            foreach (var line in change.Diff.TrimEnd('\n').Split('\n')) yield return "    " + line;
        }
    }
}
