using Conformance.Harness.Execution;
using Conformance.Harness.Expectations;
using Conformance.Harness.Snapshots;
using Conformance.Specs.Session;
using global::Reqnroll;

namespace Conformance.Specs.Steps;

/// <summary>
/// What Reqnroll calls for each step. The step definitions are registered from the phrase table (Reqnroll/PhraseBindings.cs),
/// one per phrase, on these methods by the number of arguments; they build nothing (the row was compiled once, issue 17,
/// item 2). The step that reports the row (the check step, or the step at fault) shows its verdict, judged once before
/// Reqnroll ran (item 3): the expected and the received trace as attachments; then it passes, is skipped with the reason
/// (a known failure, NOT-APPLICABLE, an allowed unavailable target), or fails with the unexpected result's message.
/// </summary>
[Binding]
public sealed class ConformanceSteps(ScenarioContext scenarioContext, IReqnrollOutputHelper output)
{
    public void Step() => Report();

    public void Step(object argument) => Report();

    public void Step(object first, object second) => Report();

    private void Report()
    {
        var state = scenarioContext.Get<ScenarioState>();
        if (!state.Reports) return;
        var outcome = state.Outcome;
        AttachExpectedTrace(state.Entry.VerifiedPath);
        // Bounded like every report (issue 18, item 7): a runaway trace would fill the log, JUnit and the Cucumber report.
        var trace = Conformance.Harness.Reports.BoundedText.Cap(TraceText.Render(outcome.Trace),
            $"the whole trace is in {ConformanceSession.Run.Snapshots.ReceivedPathFor(state.Entry.VerifiedPath)}");
        output.WriteLine($"{outcome.Status.Text()} on {ConformanceSession.Settings.TargetName} in {outcome.Elapsed.TotalMilliseconds:0} ms; trace ({outcome.Trace.Count} lines):\n{trace}");
        switch (state.Verdict.Kind)
        {
            case VerdictKind.Passed:
                return;
            case VerdictKind.KnownFailure or VerdictKind.Skipped:
                throw new VerdictSkipException(state.Verdict.Message);
            default:
                throw new UnexpectedResultException(state.Verdict.Message);
        }
    }

    /// <summary>
    /// The expected trace, the verified snapshot, in the Cucumber report beside what the target printed (issue 12, item 3):
    /// as a log line (shown inline by the HTML formatter) and as the snapshot file itself (an attachment message).
    /// </summary>
    private void AttachExpectedTrace(string verifiedPath)
    {
        if (!File.Exists(verifiedPath))
        {
            output.WriteLine($"expected trace: no verified snapshot {Path.GetFileName(verifiedPath)}");
            return;
        }
        output.WriteLine($"{ExpectedTraceHeading} {Path.GetFileName(verifiedPath)}:\n{TraceText.Render(TraceText.Read(verifiedPath))}");
        output.AddAttachment(verifiedPath);
    }

    /// <summary>How the expected-trace log line starts (Harness.Tests finds it in the NDJSON by it).</summary>
    public const string ExpectedTraceHeading = "expected trace, the verified snapshot";
}

/// <summary>The row's verdict is an unexpected result (a new failure, a listed pass, a changed failure, ERROR): the step fails.</summary>
public sealed class UnexpectedResultException(string message) : Exception(message);

/// <summary>
/// The row's verdict is a known failure or an allowed skip: Reqnroll marks the step skipped (XunitV3RuntimeProvider), and the
/// Cucumber report carries this message, the reason, as the step's (SkippedStepMessageFactory).
/// </summary>
public sealed class VerdictSkipException(string message) : Exception(message);
