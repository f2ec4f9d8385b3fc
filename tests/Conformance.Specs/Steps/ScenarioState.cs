using Conformance.Harness.Execution;
using Conformance.Harness.Features;
using Conformance.Harness.Scenarios;

namespace Conformance.Specs.Steps;

/// <summary>
/// One scenario under execution, shared by the row runner and the step definitions through Reqnroll's ScenarioContext:
/// the row, the program being built from its steps, and the outcome once the trace is checked.
/// </summary>
public sealed class ScenarioState(ScenarioEntry entry)
{
    public ScenarioEntry Entry { get; } = entry;
    public ScenarioBuilder Builder { get; } = new();
    public ScenarioOutcome? Outcome { get; set; }
}
