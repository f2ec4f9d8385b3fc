using Conformance.Harness.Execution;
using Conformance.Harness.Snapshots;

namespace Conformance.Harness.Expectations;

/// <summary>What CI makes of a status once the target's known failures are taken into account.</summary>
public enum VerdictKind
{
    /// <summary>PASS, not listed.</summary>
    Passed,
    /// <summary>SKIP that is not a change: an unavailable target the run allows (CONFORMANCE_ALLOW_UNAVAILABLE), or an excluded row.</summary>
    Skipped,
    /// <summary>Listed and failing exactly as pinned (same status; for FAIL the same trace digest): the test is skipped, the reason shown.</summary>
    KnownFailure,
    /// <summary>Listed but passing: the list is stale; the test fails until the line is removed.</summary>
    UnexpectedPass,
    /// <summary>Not passing and not listed: a regression (or a new scenario); the test fails.</summary>
    UnexpectedFailure,
    /// <summary>Listed, still failing, but not as pinned: another status, or another failing trace. The test fails with the change.</summary>
    ChangedFailure,
    /// <summary>The target could not run here and the run does not allow that: nothing ran, so nothing passes.</summary>
    Unavailable,
}

/// <param name="Message">What the test reports: the skip reason or the failure message.</param>
public sealed record ScenarioVerdict(VerdictKind Kind, string Message)
{
    /// <summary>Whether CI sees no change: a pass, an allowed skip, or a failure exactly as the list pins it.</summary>
    public bool Expected => Kind is VerdictKind.Passed or VerdictKind.Skipped or VerdictKind.KnownFailure;
}

/// <summary>Applies a known-failure list to a scenario's outcome (ARCHITECTURE "Who uses it": CI owners).</summary>
public static class ExpectationJudge
{
    /// <param name="allowUnavailable">Whether a target that cannot run here only skips (CONFORMANCE_ALLOW_UNAVAILABLE).</param>
    /// <param name="compareTraces">False when the list's pinned traces are another version's (a versioned target judged by its
    /// runtime's list, or the `node` on PATH): a listed FAIL then matches by id and status only.</param>
    public static ScenarioVerdict Judge(string scenarioId, ScenarioOutcome outcome, KnownFailureList knownFailures, bool allowUnavailable = false,
        bool compareTraces = true)
    {
        var listed = knownFailures.Find(scenarioId);
        var status = outcome.Status.Text();
        return (outcome.Status, listed) switch
        {
            (ScenarioStatus.Pass, null) => new(VerdictKind.Passed, "PASS"),
            (ScenarioStatus.Pass, { } known) => new(VerdictKind.UnexpectedPass,
                $"PASS, but listed as a known failure in {knownFailures.Where(known)} ({known.Reason}): the scenario passes now, remove the line (or run -UpdateExpectations)"),
            (ScenarioStatus.Skip, _) when outcome.TargetUnavailable && !allowUnavailable => new(VerdictKind.Unavailable,
                $"SKIP is not a pass: {outcome.Detail} (set CONFORMANCE_ALLOW_UNAVAILABLE=1, or -AllowUnavailable, to let it skip)"),
            (ScenarioStatus.Skip, _) => new(VerdictKind.Skipped, $"SKIP: {outcome.Detail}"),
            (ScenarioStatus.NotApplicable, _) => new(VerdictKind.Skipped, $"NOT-APPLICABLE: {outcome.Detail}"),
            (_, { } known) => JudgeListed(known, outcome, knownFailures, compareTraces),
            _ => new(VerdictKind.UnexpectedFailure, $"{status}: {outcome.Detail}"),
        };
    }

    private static ScenarioVerdict JudgeListed(KnownFailure known, ScenarioOutcome outcome, KnownFailureList list, bool compareTraces)
    {
        var status = outcome.Status.Text();
        var where = list.Where(known);
        if (known.Status is { } pinned && pinned != outcome.Status)
            return new(VerdictKind.ChangedFailure,
                $"changed failure: {where} pins {pinned.Text()}, got {status} ({known.Reason})\n{outcome.Detail}");
        if (compareTraces && known.Status == ScenarioStatus.Fail && known.Digest is { } digest && TraceDigest.Of(outcome.Trace) != digest)
            return new(VerdictKind.ChangedFailure,
                $"changed failure: {where} pins FAIL with trace {digest}, got FAIL with trace {TraceDigest.Of(outcome.Trace)} ({known.Reason})\n{PinnedDiff(list, known, outcome.Trace)}");
        return new(VerdictKind.KnownFailure, $"known failure: {known.Reason}; got {status}: {FirstLine(outcome.Detail)}");
    }

    /// <summary>A unified diff from the pinned failing trace to this run's.</summary>
    private static string PinnedDiff(KnownFailureList list, KnownFailure known, IReadOnlyList<string> trace)
    {
        var file = list.TracePathOf(known.ScenarioId);
        IReadOnlyList<string>? pinned;
        try { pinned = File.Exists(file) ? TraceText.Read(file) : null; }
        catch (IOException error) { return $"could not read {file}: {error.Message}"; }
        return SnapshotStore.Diff(pinned, trace, Path.GetFileName(file) + " (pinned)", "this run");
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOf('\n');
        return end < 0 ? text : text[..end];
    }
}
