namespace Conformance.Harness.Scenarios;

/// <summary>A scenario that cannot be turned into a program: an unknown step, a missing program, a repeated action.
/// The status of such a scenario is ERROR (spec/trace-format.md, "Statuses"): the feature is at fault, not the target.</summary>
public sealed class ScenarioDefinitionException(string message) : Exception(message);
