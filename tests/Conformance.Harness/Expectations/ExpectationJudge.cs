using Conformance.Harness.Execution;

namespace Conformance.Harness.Expectations;

/// <summary>What CI makes of a status once the target's known failures are taken into account.</summary>
public enum VerdictKind
{
    /// <summary>PASS, not listed.</summary>
    Passed,
    /// <summary>SKIP: the target is unavailable or the scenario is excluded; not a change.</summary>
    Skipped,
    /// <summary>Listed and still not passing: the test is skipped, the reason shown.</summary>
    KnownFailure,
    /// <summary>Listed but passing: the list is stale; the test fails until the line is removed.</summary>
    UnexpectedPass,
    /// <summary>Not passing and not listed: a regression (or a new scenario); the test fails.</summary>
    UnexpectedFailure,
}

/// <param name="Message">What the test reports: the skip reason or the failure message.</param>
public sealed record ScenarioVerdict(VerdictKind Kind, string Message)
{
    /// <summary>Whether CI sees no change: a pass, a skip, or a failure the list expects.</summary>
    public bool Expected => Kind is VerdictKind.Passed or VerdictKind.Skipped or VerdictKind.KnownFailure;
}

/// <summary>Applies a known-failure list to a scenario's outcome (ARCHITECTURE "Who uses it": CI owners).</summary>
public static class ExpectationJudge
{
    public static ScenarioVerdict Judge(string scenarioId, ScenarioOutcome outcome, KnownFailureList knownFailures)
    {
        var listed = knownFailures.Find(scenarioId);
        var status = outcome.Status.Text();
        return (outcome.Status, listed) switch
        {
            (ScenarioStatus.Pass, null) => new(VerdictKind.Passed, "PASS"),
            (ScenarioStatus.Pass, { } known) => new(VerdictKind.UnexpectedPass,
                $"PASS, but listed as a known failure in {knownFailures.Path}:{known.Line} ({known.Reason}): the scenario passes now, remove the line"),
            (ScenarioStatus.Skip, _) => new(VerdictKind.Skipped, $"SKIP: {outcome.Detail}"),
            (_, { } known) => new(VerdictKind.KnownFailure, $"known failure: {known.Reason}; got {status}: {FirstLine(outcome.Detail)}"),
            _ => new(VerdictKind.UnexpectedFailure, $"{status}: {outcome.Detail}"),
        };
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOf('\n');
        return end < 0 ? text : text[..end];
    }
}
