using Conformance.Harness.Execution;
using Conformance.Harness.Expectations;
using Conformance.Harness.Features;

namespace Conformance.Specs.Steps;

/// <summary>
/// One row as the Reqnroll steps report it, shared by the row runner and the step definitions through Reqnroll's
/// ScenarioContext: the row, its one compiled scenario, and its outcome and verdict, both decided before Reqnroll sees the row
/// (issue 17, items 2 and 3). <see cref="CurrentStep"/> is the pickle step the runner is sending.
/// </summary>
public sealed class ScenarioState(ScenarioEntry entry, CompiledScenario compiled, ScenarioOutcome outcome, ScenarioVerdict verdict)
{
    public ScenarioEntry Entry { get; } = entry;
    public CompiledScenario Compiled { get; } = compiled;
    public ScenarioOutcome Outcome { get; } = outcome;
    public ScenarioVerdict Verdict { get; } = verdict;
    public int CurrentStep { get; set; } = -1;

    /// <summary>Whether the step being sent is the one that reports the verdict (<see cref="CompiledScenario.ReportStep"/>).</summary>
    public bool Reports => CurrentStep == Compiled.ReportStep;
}
