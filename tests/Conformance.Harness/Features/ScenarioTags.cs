using System.Text.RegularExpressions;

namespace Conformance.Harness.Features;

/// <summary>
/// What a scenario's tags say: the requirement ids it checks (spec/ ids, pattern <c>^[A-Z]+(-[A-Z0-9]+)+$</c>) and its
/// profile, exactly one of <see cref="Profiles"/>. Tags inherited from the feature and rule count.
/// </summary>
public sealed partial record ScenarioTags(IReadOnlyList<string> All, IReadOnlyList<string> Requirements, string? Profile, string? Problem)
{
    /// <summary>The profiles in report order (spec/README.md: one profile per scenario instead of special cases).</summary>
    public static IReadOnlyList<string> Profiles { get; } = ["documented", "caveat", "workerd-observed", "erratum"];

    /// <summary>Reads tags written with or without the leading '@'.</summary>
    public static ScenarioTags Parse(IEnumerable<string> tags)
    {
        var all = tags.Select(t => t.TrimStart('@')).Distinct(StringComparer.Ordinal).ToArray();
        var requirements = all.Where(t => RequirementId().IsMatch(t)).ToArray();
        var profiles = all.Where(t => Profiles.Contains(t, StringComparer.Ordinal)).ToArray();
        var problem = profiles.Length switch
        {
            0 => $"the scenario has no profile tag: tag it with exactly one of {string.Join(", ", Profiles.Select(p => "@" + p))}",
            1 => null,
            _ => $"the scenario has {profiles.Length} profile tags ({string.Join(", ", profiles.Select(p => "@" + p))}): exactly one is allowed",
        };
        var (_, unknownNeeds) = Scenarios.Capabilities.FromTags(all);
        if (problem is null && unknownNeeds.Count > 0)
            problem = $"the scenario's tag {string.Join(", ", unknownNeeds.Select(t => "@" + t))} names no capability the harness knows " +
                $"({string.Join(", ", Scenarios.Capabilities.All.Select(c => c.Name))})";
        return new ScenarioTags(all, requirements, profiles.Length == 1 ? profiles[0] : null, problem);
    }

    public static bool IsRequirementId(string tag) => RequirementId().IsMatch(tag.TrimStart('@'));

    [GeneratedRegex("^[A-Z]+(-[A-Z0-9]+)+$")]
    private static partial Regex RequirementId();
}
