using Conformance.Harness.Execution.Dates;
using Conformance.Harness.Features;
using Conformance.Harness.Scenarios;

namespace Conformance.Harness.Execution;

/// <summary>
/// Each row of a run compiled once (issue 17, item 2), and its program decided once at the run's dates: the prefetch, the
/// row's run and the Reqnroll steps all take these values, so what runs is what every report describes.
/// </summary>
internal sealed class CompiledRows
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, CompiledScenario> _compiled = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ApplicabilityDecision> _decisions = new(StringComparer.Ordinal);

    public CompiledScenario Of(ScenarioEntry entry) => _compiled.GetOrAdd(entry.Key, _ => ScenarioCompiler.CompileRow(entry));

    /// <summary>The compiled program at the run's dates on a target providing <paramref name="provided"/> (or why it is not applicable).</summary>
    public ApplicabilityDecision Decide(ScenarioEntry entry, ScenarioProgram program, RunDates dates, IReadOnlySet<string> provided) =>
        _decisions.GetOrAdd(entry.Key, _ => Applicability.Decide(program, entry.Tags.All, dates, provided));
}
