using Conformance.Harness.Execution;
using Conformance.Harness.Scenarios;
using Conformance.Harness.Snapshots;
using Conformance.Specs.Session;
using global::Reqnroll;

namespace Conformance.Specs.Steps;

/// <summary>
/// One Reqnroll step definition per step phrase, with Cucumber expressions, so Reqnroll's own undefined- and ambiguous-step
/// detection works. Each calls one <see cref="ScenarioBuilder"/> method, the one place a step has meaning; the phrase table the
/// prefetch compiler uses (<see cref="StepVocabulary"/>) has the same keyword and expression for each, checked by reflection
/// in Harness.Tests/Scenarios/StepBindingParityTests. The check step runs the program on the target (or collects the
/// prefetched run), attaches the trace to the report, and fails the scenario unless the trace matches its snapshot.
/// </summary>
[Binding]
public sealed class ConformanceSteps(ScenarioContext scenarioContext, IReqnrollOutputHelper output)
{
    private ScenarioState State => scenarioContext.Get<ScenarioState>();

    [Given("the worker program:")]
    public void WorkerProgram(string source) => State.Builder.Program(source);

    [Given("the compatibility date {string}")]
    public void CompatibilityDate(string date) => State.Builder.CompatibilityDate(date);

    [When("the test handler runs")]
    public void TestHandlerRuns() => State.Builder.RunTestHandler();

    [When("a request is sent")]
    public void RequestIsSent() => State.Builder.SendRequest();

    [When("a request is sent to {string}")]
    public void RequestIsSentTo(string path) => State.Builder.SendRequest(path);

    [When("{int} requests are sent concurrently")]
    public void RequestsAreSentConcurrently(int count) => State.Builder.SendRequests(count, concurrent: true);

    [When("{int} requests are sent one after another")]
    public void RequestsAreSentOneAfterAnother(int count) => State.Builder.SendRequests(count, concurrent: false);

    [Then("the trace matches the verified snapshot")]
    public async Task TraceMatchesTheVerifiedSnapshot()
    {
        var state = State;
        state.Builder.CheckTrace();
        var program = state.Builder.Build(state.Entry.Id);
        var outcome = await ConformanceSession.Run.ExecuteAsync(state.Entry, program);
        state.Outcome = outcome;

        AttachExpectedTrace(state.Entry.VerifiedPath);
        // Bounded like every report (issue 18, item 7): a runaway trace would fill the log, JUnit and the Cucumber report.
        var trace = Conformance.Harness.Reports.BoundedText.Cap(TraceText.Render(outcome.Trace),
            $"the whole trace is in {ConformanceSession.Run.Snapshots.ReceivedPathFor(state.Entry.VerifiedPath)}");
        output.WriteLine($"{outcome.Status.Text()} on {ConformanceSession.Settings.TargetName} in {outcome.Elapsed.TotalMilliseconds:0} ms; trace ({outcome.Trace.Count} lines):\n{trace}");
        if (outcome.Status != ScenarioStatus.Pass)
            throw new TraceMismatchException($"{outcome.Status.Text()}: {outcome.Detail}");
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

/// <summary>The scenario's trace did not agree with its verified snapshot (or the run did not complete).</summary>
public sealed class TraceMismatchException(string message) : Exception(message);
