using Conformance.Harness.Scenarios;

namespace Conformance.Harness.Execution.Dates;

/// <summary>Whether a scenario applies to a run, and if so the program as the run executes it (its date clamped, the run's flags).</summary>
public sealed record ApplicabilityDecision(ScenarioProgram? Program, string? NotApplicableReason)
{
    public bool Applies => Program is not null;
}

/// <summary>
/// The NOT-APPLICABLE rules (spec/runtime-bridges.md, "Compatibility dates"), as a pure function of the scenario and the run:
/// <list type="number">
/// <item>A scenario that names a date later than the run's ceiling (the workerd binary's newest date, or -CompatibilityDate) is
/// not applicable: the binary would refuse the date, or the run said it stops before it.</item>
/// <item>A scenario that leaves the date at the default runs at the override (if any), clamped to the binary's newest date, and is
/// judged as usual.</item>
/// <item>A scenario tagged <c>@needs-flag:&lt;flag&gt;</c> is not applicable when the run's date leaves that flag off and the run does
/// not add it by name.</item>
/// <item>A scenario that names a date on which a date-gated flag is off is not applicable when the run adds that flag by name.</item>
/// <item>A scenario that needs a capability (<see cref="Capabilities"/>: a declared Durable Object or entrypoint, a <c>@needs:</c>
/// tag) the target does not provide is not applicable, naming what the target lacks (issue 20, item 3).</item>
/// </list>
/// </summary>
public static class Applicability
{
    /// <param name="provided">The capabilities the run's target provides (<see cref="Targets.ITarget.Capabilities"/>).</param>
    public static ApplicabilityDecision Decide(ScenarioProgram program, IEnumerable<string> tags, RunDates run, IReadOnlySet<string> provided)
    {
        tags = tags.ToArray();
        var missing = Capabilities.NeededBy(program, tags).Where(c => !provided.Contains(c.Name)).ToArray();
        if (missing.Length > 0)
            return new(null, $"{string.Join("; ", missing.Select(c => c.Lacking))} on this target (the scenario needs {string.Join(", ", missing.Select(c => c.Name))})");
        return Decide(program, tags, run);
    }

    public static ApplicabilityDecision Decide(ScenarioProgram program, IEnumerable<string> tags, RunDates run)
    {
        var (needed, unknown) = DateGatedFlags.FromTags(tags);
        if (unknown.Count > 0)
            return new(null, $"the scenario's tag {string.Join(", ", unknown.Select(t => "@" + t))} names no date-gated flag the harness knows " +
                $"({string.Join(", ", DateGatedFlags.All.Select(f => f.Name))})");

        string date;
        if (program.NamesDate)
        {
            if (run.Ceiling is { } ceiling && Later(program.CompatibilityDate, ceiling))
                return new(null, $"the scenario names compatibility date {program.CompatibilityDate}, later than this run's newest, {ceiling} ({CeilingSource(run)})");
            date = program.CompatibilityDate;
            foreach (var flag in run.Flags.Select(DateGatedFlags.Find).OfType<DateGatedFlag>())
                if (Later(flag.DefaultOnFrom, date))
                    return new(null, $"the scenario is about compatibility date {date}, when {flag.Name} is off, and this run adds {flag.Name}");
        }
        else
        {
            date = run.Override ?? program.CompatibilityDate;
            if (run.BinaryNewest is { } newest && Later(date, newest)) date = newest;
        }

        foreach (var flag in needed)
            if (!run.Flags.Contains(flag.Name, StringComparer.Ordinal) && Later(flag.DefaultOnFrom, date))
                return new(null, $"the scenario needs {flag.Name} (on by default from {flag.DefaultOnFrom}), and this run's date is {date} without the flag");

        return new(program with { CompatibilityDate = date, CompatibilityFlags = run.Flags }, null);
    }

    private static bool Later(string a, string b) => string.CompareOrdinal(a, b) > 0;

    private static string CeilingSource(RunDates run) =>
        run.Override is { } o && run.Ceiling == o && (run.BinaryNewest is null || string.CompareOrdinal(o, run.BinaryNewest) < 0)
            ? "-CompatibilityDate"
            : "the newest date the workerd binary supports";
}
