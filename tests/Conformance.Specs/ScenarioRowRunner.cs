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
/// One row, one path (issue 17, items 2 and 3): the row's compiled program runs (or its prefetched run is collected), the
/// outcome is judged against the target's known failures once, and that verdict is then reported everywhere: through
/// Reqnroll's runtime (the steps sent the way generated code-behind would: test runner for the feature, feature switch,
/// scenario initialize/start, each step by its pickle type, collect errors, scenario end, release), where the reporting step
/// passes, is skipped with the reason, or fails; then results.jsonl; then xunit (a known failure or allowed skip is skipped,
/// anything unexpected fails). A row Reqnroll cannot report as judged (a step it cannot bind) is an ERROR everywhere.
/// </summary>
public static class ScenarioRowRunner
{
    public static async Task RunAsync(string key)
    {
        var run = ConformanceSession.Run;
        var entry = run.Catalog.Find(key) ?? throw new InvalidOperationException($"no scenario row \"{key}\" (did the features change during the run?)");
        if (!run.InShard(entry))
            Assert.Skip($"not in shard {run.Settings.Shard} (CONFORMANCE_SHARD)");

        var outcome = await run.OutcomeAsync(entry);
        var verdict = run.Judge(entry, outcome);
        // A feature that does not parse has no pickle: there is nothing for Reqnroll to report.
        if (entry.Pickle is not null) (outcome, verdict) = await ReportThroughReqnrollAsync(entry, run.CompiledOf(entry), outcome, verdict);
        run.Record(entry, outcome, verdict);
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

    /// <summary>
    /// Sends the row's steps through Reqnroll with its verdict; returns the verdict, or an ERROR when Reqnroll ended the
    /// scenario otherwise than the verdict says (a step it cannot bind, a failure of its own), which the report already shows.
    /// </summary>
    private static async Task<(ScenarioOutcome, ScenarioVerdict)> ReportThroughReqnrollAsync(ScenarioEntry entry, CompiledScenario compiled,
        ScenarioOutcome outcome, ScenarioVerdict verdict)
    {
        await ConformanceSession.EnsureReqnrollStartedAsync();
        var featureInfo = ReqnrollModel.FeatureInfoFor(entry.Feature);
        var runner = TestRunnerManager.GetTestRunnerForAssembly(ConformanceSession.Assembly, featureHint: featureInfo);
        var state = new ScenarioState(entry, compiled, outcome, verdict);
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
                var steps = entry.Pickle!.Steps;
                for (var i = 0; i < steps.Count; i++)
                {
                    state.CurrentStep = i;
                    await SendStepAsync(runner, entry.Feature, steps[i]);
                }
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
            return ReqnrollAgreement.Reconcile(compiled, outcome, verdict, status, failure);
        }
        finally
        {
            TestRunnerManager.ReleaseTestRunner(runner);
        }
    }

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
