using global::Reqnroll;
using global::Reqnroll.UnitTestProvider;
using Xunit;
using Xunit.Sdk;

namespace Conformance.Specs.Reqnroll;

/// <summary>
/// How Reqnroll ends a test under xunit v3 here. Pending and undefined steps FAIL the test (an undefined step must never pass
/// silently); an ignored scenario is skipped, and so is a step whose row's verdict is a known failure or an allowed skip.
/// </summary>
public sealed class XunitV3RuntimeProvider : IUnitTestRuntimeProvider
{
    public void TestPending(string message) => throw new UndefinedOrPendingStepException($"pending or undefined step: {message}");

    public void TestInconclusive(string message) => throw new UndefinedOrPendingStepException($"inconclusive: {message}");

    public void TestIgnore(string message) => Assert.Skip(message);

    public ScenarioExecutionStatus? DetectExecutionStatus(Exception exception) =>
        exception is SkipException or Steps.VerdictSkipException ? ScenarioExecutionStatus.Skipped : null;
}

/// <summary>A scenario that could not run all its steps: the harness's fault (status ERROR), never a pass.</summary>
public sealed class UndefinedOrPendingStepException(string message) : XunitException(message);
