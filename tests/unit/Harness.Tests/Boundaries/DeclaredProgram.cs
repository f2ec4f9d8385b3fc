using Conformance.Harness.Scenarios;

namespace Harness.Tests.Boundaries;

/// <summary>A scenario's program built from its steps as the compiler builds it: the program, the given declarations, the test handler.</summary>
internal static class DeclaredProgram
{
    public static ScenarioProgram Build(string source, params string[] declarations)
    {
        var builder = new ScenarioBuilder();
        builder.Apply("the worker program:", source);
        foreach (var step in declarations) builder.Apply(step, null);
        builder.Apply("the test handler runs", null);
        return builder.Build("boundaries/x");
    }
}
