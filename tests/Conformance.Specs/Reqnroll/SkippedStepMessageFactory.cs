using global::Reqnroll.Formatters.ExecutionTracking;
using global::Reqnroll.Formatters.PayloadProcessing.Cucumber;
using Io.Cucumber.Messages.Types;

namespace Conformance.Specs.Reqnroll;

/// <summary>
/// Reqnroll's Cucumber message factory, except that a step skipped by an exception (a known failure or an allowed skip,
/// ConformanceSteps) carries that exception's message, the reason, as its result's message, without the exception's stack
/// (issue 17, item 3): Reqnroll 3.3.4 keeps a message only for failed, pending and undefined steps; the HTML report shows it.
/// </summary>
public sealed class SkippedStepMessageFactory : CucumberMessageFactory
{
    public override TestStepFinished ToTestStepFinished(TestStepExecutionTracker testStepExecutionTracker)
    {
        var finished = base.ToTestStepFinished(testStepExecutionTracker);
        var result = finished.TestStepResult;
        if (result.Status != TestStepResultStatus.SKIPPED || result.Message is not null || testStepExecutionTracker.Exception is not { } skip)
            return finished;
        return new TestStepFinished(finished.TestCaseStartedId, finished.TestStepId,
            new TestStepResult(result.Duration, skip.Message, result.Status, null), finished.Timestamp);
    }
}
