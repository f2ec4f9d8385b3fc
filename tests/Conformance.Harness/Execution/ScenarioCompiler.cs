using Conformance.Harness.Features;
using Conformance.Harness.Scenarios;
using Io.Cucumber.Messages.Types;

namespace Conformance.Harness.Execution;

/// <summary>
/// A row compiled once (issue 17, item 2): the program every target runs and every report describes, or the problem that
/// keeps it from running. <see cref="ReportStep"/> is the pickle step that reports the row's verdict in the Cucumber report:
/// the step at fault when there is one, else the check step ("the trace matches the verified snapshot"), else the last step.
/// </summary>
public sealed record CompiledScenario(ScenarioProgram? Program, string? Problem, int ReportStep);

/// <summary>
/// Turns a pickle into a <see cref="ScenarioProgram"/> through <see cref="StepVocabulary"/>'s phrase table, the one place a step
/// has meaning. It is the only place a program is built: the prefetch, the run and the Reqnroll steps all take the one
/// <see cref="CompiledScenario"/> of a row (ConformanceRun.CompiledOf).
/// </summary>
public static class ScenarioCompiler
{
    /// <summary>The row compiled; never throws: a problem is kept with the step it belongs to.</summary>
    public static CompiledScenario CompileRow(ScenarioEntry entry)
    {
        var steps = entry.Pickle?.Steps ?? [];
        var last = Math.Max(0, steps.Count - 1);
        if (entry.Problem is not null) return new(null, entry.Problem, last);
        if (entry.Pickle is null) return new(null, "the row has no scenario", 0);
        var builder = new ScenarioBuilder();
        int? check = null;
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            try
            {
                if (StepVocabulary.Apply(builder, KeywordOf(step.Type), step.Text, step.Argument?.DocString?.Content) == StepRole.Assert) check ??= i;
            }
            catch (ScenarioDefinitionException error)
            {
                return new(null, error.Message, i);
            }
        }
        if (!builder.HasAssertion)
            return new(null, "the scenario never checks its trace (step \"the trace matches the verified snapshot\")", last);
        try
        {
            return new(builder.Build(entry.Id), null, check ?? last);
        }
        catch (ScenarioDefinitionException error)
        {
            return new(null, error.Message, check ?? last);
        }
    }

    /// <summary>The program, or a <see cref="ScenarioDefinitionException"/> naming the step at fault.</summary>
    public static ScenarioProgram Compile(ScenarioEntry entry)
    {
        var compiled = CompileRow(entry);
        return compiled.Program ?? throw new ScenarioDefinitionException(compiled.Problem!);
    }

    /// <summary>The keyword Reqnroll binds the step by (And/But already resolved in the pickle); null for an unknown type.</summary>
    private static StepKeyword? KeywordOf(PickleStepType type) => type switch
    {
        PickleStepType.CONTEXT => StepKeyword.Given,
        PickleStepType.ACTION => StepKeyword.When,
        PickleStepType.OUTCOME => StepKeyword.Then,
        _ => null,
    };
}
