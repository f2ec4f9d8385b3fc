using Conformance.Harness.Execution;
using Conformance.Harness.Expectations;
using Conformance.Harness.Features;
using Conformance.Specs.Reqnroll;
using Conformance.Specs.Session;
using Conformance.Specs.Steps;
using global::Reqnroll;
using PickleStep = Io.Cucumber.Messages.Types.PickleStep;
using PickleStepType = Io.Cucumber.Messages.Types.PickleStepType;
using Xunit;

namespace Conformance.Specs;

/// <summary>
/// Runs one row through Reqnroll's runtime the way generated code-behind would (the generator does not restore here): test runner for the
/// feature, feature switch, scenario initialize/start, each step by its pickle type, collect errors, scenario end, release.
/// Reqnroll reports the conformance truth (the scenario fails on a mismatch); the xunit result then applies the target's
/// known failures: a failure exactly as listed is skipped; a listed pass, a changed failure, an unlisted failure and an
/// unavailable target (unless CONFORMANCE_ALLOW_UNAVAILABLE) fail.
/// </summary>
public static class ScenarioRowRunner
{
    public static async Task RunAsync(string key)
    {
        var run = ConformanceSession.Run;
        var entry = run.Catalog.Find(key) ?? throw new InvalidOperationException($"no scenario row \"{key}\" (did the features change during the run?)");
        if (!run.InShard(entry))
            Assert.Skip($"not in shard {run.Settings.Shard} (CONFORMANCE_SHARD)");

        var outcome = await run.PreCheckAsync(entry) ?? await RunThroughReqnrollAsync(entry);
        var verdict = run.Record(entry, outcome);
        switch (verdict.Kind)
        {
            case VerdictKind.Passed:
                return;
            case VerdictKind.Skipped:
            case VerdictKind.KnownFailure:
                Assert.Skip(verdict.Message);
                return;
            default:
                Assert.Fail(verdict.Message);
                return;
        }
    }

    private static async Task<ScenarioOutcome> RunThroughReqnrollAsync(ScenarioEntry entry)
    {
        await ConformanceSession.EnsureReqnrollStartedAsync();
        var featureInfo = ReqnrollModel.FeatureInfoFor(entry.Feature);
        var runner = TestRunnerManager.GetTestRunnerForAssembly(ConformanceSession.Assembly, featureHint: featureInfo);
        var state = new ScenarioState(entry);
        try
        {
            if (runner.FeatureContext is not null && !ReferenceEquals(runner.FeatureContext.FeatureInfo, featureInfo))
                await runner.OnFeatureEndAsync();
            if (runner.FeatureContext is null)
                await runner.OnFeatureStartAsync(featureInfo);

            runner.OnScenarioInitialize(ReqnrollModel.ScenarioInfoFor(entry), ReqnrollModel.RuleInfoFor(entry));
            runner.ScenarioContext.Set(state);
            Exception? failure = null;
            var status = ScenarioExecutionStatus.OK;
            try
            {
                await runner.OnScenarioStartAsync();
                foreach (var step in entry.Pickle!.Steps)
                    await SendStepAsync(runner, entry.Feature, step);
                status = runner.ScenarioContext.ScenarioExecutionStatus;
                await runner.CollectScenarioErrorsAsync();
            }
            catch (Exception error)
            {
                failure = error;
            }
            finally
            {
                await runner.OnScenarioEndAsync();
            }

            // An undefined, pending or ambiguous step is an ERROR of the row, never a pass, whatever ran before it.
            if (status is ScenarioExecutionStatus.UndefinedStep or ScenarioExecutionStatus.StepDefinitionPending or ScenarioExecutionStatus.BindingError)
            {
                var named = ScenarioCompiler.TryCompile(entry, out _, out var problem) ? "" : $"\n{problem}";
                return ScenarioOutcome.Error($"Reqnroll: {Describe(status)}: {failure?.Message ?? "(no message)"}{named}");
            }
            // The check step sets the outcome (PASS or the reason it is not); without it, a step failed before the check.
            if (state.Outcome is { } outcome) return outcome;
            return ScenarioOutcome.Error(failure is null
                ? "the scenario ended without checking its trace"
                : $"the scenario could not run: {failure.Message}");
        }
        finally
        {
            TestRunnerManager.ReleaseTestRunner(runner);
        }
    }

    private static string Describe(ScenarioExecutionStatus status) => status switch
    {
        ScenarioExecutionStatus.UndefinedStep => "undefined step (no step definition matches it)",
        ScenarioExecutionStatus.StepDefinitionPending => "pending step",
        _ => "binding error (an ambiguous step, or arguments that do not fit its definition)",
    };

    private static Task SendStepAsync(ITestRunner runner, FeatureFile feature, PickleStep step)
    {
        var keyword = ReqnrollModel.KeywordOf(feature, step);
        var docString = step.Argument?.DocString?.Content;
        return step.Type switch
        {
            PickleStepType.CONTEXT => runner.GivenAsync(step.Text, docString, null, keyword),
            PickleStepType.ACTION => runner.WhenAsync(step.Text, docString, null, keyword),
            PickleStepType.OUTCOME => runner.ThenAsync(step.Text, docString, null, keyword),
            _ => runner.AndAsync(step.Text, docString, null, keyword),
        };
    }
}
