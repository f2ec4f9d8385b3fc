using Conformance.Harness.Execution;
using Conformance.Harness.Expectations;
using global::Reqnroll;

namespace Conformance.Specs.Reqnroll;

/// <summary>
/// Whether Reqnroll ended a scenario as the row's verdict says (issue 17, item 3): a pass as OK, a known failure or an allowed
/// skip as skipped, an unexpected result as anything else. When it did not, what Reqnroll reported stands and the row is an
/// ERROR: a step Reqnroll cannot bind (undefined, ambiguous, pending) fails the row even when its result is listed, so the
/// Cucumber report and every other report still say the same thing.
/// </summary>
public static class ReqnrollAgreement
{
    public static (ScenarioOutcome, ScenarioVerdict) Reconcile(CompiledScenario compiled, ScenarioOutcome outcome, ScenarioVerdict verdict,
        ScenarioExecutionStatus status, Exception? failure)
    {
        string? detail = status switch
        {
            ScenarioExecutionStatus.UndefinedStep or ScenarioExecutionStatus.StepDefinitionPending or ScenarioExecutionStatus.BindingError =>
                $"Reqnroll: {Describe(status)}: {failure?.Message ?? "(no message)"}{(compiled.Problem is { } problem ? "\n" + problem : "")}",
            ScenarioExecutionStatus.OK when verdict.Kind is not VerdictKind.Passed =>
                $"Reqnroll reported the scenario passed, but its verdict is: {verdict.Message}",
            ScenarioExecutionStatus.Skipped when verdict.Kind is not (VerdictKind.KnownFailure or VerdictKind.Skipped) =>
                $"Reqnroll reported the scenario skipped ({failure?.Message}), but its verdict is: {verdict.Message}",
            ScenarioExecutionStatus.TestError when verdict.Expected =>
                $"Reqnroll reported the scenario failed: {failure?.Message ?? "(no message)"}",
            _ => null,
        };
        if (detail is null) return (outcome, verdict);
        var error = ScenarioOutcome.Error(detail) with { Elapsed = outcome.Elapsed };
        return (error, new ScenarioVerdict(VerdictKind.UnexpectedFailure, $"ERROR: {detail}"));
    }

    private static string Describe(ScenarioExecutionStatus status) => status switch
    {
        ScenarioExecutionStatus.UndefinedStep => "undefined step (no step definition matches it)",
        ScenarioExecutionStatus.StepDefinitionPending => "pending step",
        _ => "binding error (an ambiguous step, or arguments that do not fit its definition)",
    };
}
