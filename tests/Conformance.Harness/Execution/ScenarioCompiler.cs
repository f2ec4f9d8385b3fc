using Conformance.Harness.Features;
using Conformance.Harness.Scenarios;
using Io.Cucumber.Messages.Types;

namespace Conformance.Harness.Execution;

/// <summary>
/// Turns a pickle into a <see cref="ScenarioProgram"/> without Reqnroll, through <see cref="StepVocabulary"/>'s phrase table,
/// which calls the same <see cref="ScenarioBuilder"/> methods as the step definitions, so the parallel executor runs exactly what
/// the test's steps will describe.
/// </summary>
public static class ScenarioCompiler
{
    /// <summary>The program, or a <see cref="ScenarioDefinitionException"/> naming the step at fault.</summary>
    public static ScenarioProgram Compile(ScenarioEntry entry)
    {
        if (entry.Problem is not null) throw new ScenarioDefinitionException(entry.Problem);
        if (entry.Pickle is null) throw new ScenarioDefinitionException("the row has no scenario");
        var builder = new ScenarioBuilder();
        foreach (var step in entry.Pickle.Steps)
            StepVocabulary.Apply(builder, KeywordOf(step.Type), step.Text, step.Argument?.DocString?.Content);
        if (!builder.HasAssertion)
            throw new ScenarioDefinitionException("the scenario never checks its trace (step \"the trace matches the verified snapshot\")");
        return builder.Build(entry.Id);
    }

    /// <summary>The keyword Reqnroll binds the step by (And/But already resolved in the pickle); null for an unknown type.</summary>
    private static StepKeyword? KeywordOf(PickleStepType type) => type switch
    {
        PickleStepType.CONTEXT => StepKeyword.Given,
        PickleStepType.ACTION => StepKeyword.When,
        PickleStepType.OUTCOME => StepKeyword.Then,
        _ => null,
    };

    public static bool TryCompile(ScenarioEntry entry, out ScenarioProgram? program, out string? problem)
    {
        try
        {
            program = Compile(entry);
            problem = null;
            return true;
        }
        catch (ScenarioDefinitionException error)
        {
            program = null;
            problem = error.Message;
            return false;
        }
    }

    /// <summary>Whether two programs would run identically (the plan compared by its rendered module).</summary>
    public static bool SameProgram(ScenarioProgram a, ScenarioProgram b) =>
        a.Id == b.Id && a.Source == b.Source && a.CompatibilityDate == b.CompatibilityDate && a.NamesDate == b.NamesDate
        && a.CompatibilityFlags.SequenceEqual(b.CompatibilityFlags)
        && PlanModule.Render(a.Plan) == PlanModule.Render(b.Plan);
}
