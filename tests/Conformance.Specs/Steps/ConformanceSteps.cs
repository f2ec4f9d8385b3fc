using Conformance.Harness.Execution;
using Conformance.Harness.Scenarios;
using Conformance.Harness.Snapshots;
using Conformance.Specs.Session;
using global::Reqnroll;

namespace Conformance.Specs.Steps;

/// <summary>
/// Thin step definitions: every step's text (and doc string) goes to <see cref="ScenarioBuilder"/>, the one place that gives
/// the vocabulary meaning and names an unknown step precisely. The check step runs the program on the target (or collects
/// the prefetched run), attaches the trace to the report, and fails the scenario unless the trace matches its snapshot.
/// </summary>
[Binding]
public sealed class ConformanceSteps(ScenarioContext scenarioContext, IReqnrollOutputHelper output)
{
    private const string AnyText = "^(.*)$";

    [Given(AnyText), When(AnyText), Then(AnyText)]
    public Task Step(string text) => ApplyAsync(text, docString: null);

    [Given(AnyText), When(AnyText), Then(AnyText)]
    public Task StepWithDocString(string text, string docString) => ApplyAsync(text, docString);

    private async Task ApplyAsync(string text, string? docString)
    {
        var state = scenarioContext.Get<ScenarioState>();
        if (state.Builder.Apply(text, docString) != StepRole.Assert) return;

        var program = state.Builder.Build(state.Entry.Id);
        var outcome = await ConformanceSession.Run.ExecuteAsync(state.Entry, program);
        state.Outcome = outcome;

        output.WriteLine($"{outcome.Status.Text()} on {ConformanceSession.Settings.TargetName} in {outcome.Elapsed.TotalMilliseconds:0} ms; trace ({outcome.Trace.Count} lines):\n{TraceText.Render(outcome.Trace)}");
        if (outcome.Status != ScenarioStatus.Pass)
            throw new TraceMismatchException($"{outcome.Status.Text()}: {outcome.Detail}");
    }
}

/// <summary>The scenario's trace did not agree with its verified snapshot (or the run did not complete).</summary>
public sealed class TraceMismatchException(string message) : Exception(message);
