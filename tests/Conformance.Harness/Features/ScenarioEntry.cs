using Io.Cucumber.Messages.Types;

namespace Conformance.Harness.Features;

/// <summary>
/// One test row: a pickle (a scenario, or one example row of an outline) of one feature file, or the single row that stands
/// for a feature that does not parse. <see cref="Problem"/> holds why the row cannot run (its status is then ERROR).
/// </summary>
public sealed class ScenarioEntry
{
    /// <summary>The row's unique key: the scenario id, made unique for rows that share one (<c>id#2</c>), or <c>path#parse-error</c>.</summary>
    public required string Key { get; init; }
    /// <summary><c>&lt;feature path relative to features/, without .feature&gt;/&lt;slug&gt;</c>.</summary>
    public required string Id { get; init; }
    public required FeatureFile Feature { get; init; }
    /// <summary>The pickle's position in its feature's pickle list (Reqnroll's pickle index); -1 for a parse-error row.</summary>
    public required int PickleIndex { get; init; }
    public Pickle? Pickle { get; init; }
    public required string Name { get; init; }
    public required ScenarioTags Tags { get; init; }
    public string Description { get; init; } = "";
    /// <summary>The rule the scenario sits in, if any: title, description, tags.</summary>
    public (string Title, string Description, IReadOnlyList<string> Tags)? Rule { get; init; }
    public string? Problem { get; init; }
    /// <summary>1-based line of the scenario in its file (0 when unknown).</summary>
    public int Line { get; init; }

    public string DisplayName => $"{Feature.Name} / {Name}";

    /// <summary><c>&lt;stem&gt;.&lt;slug&gt;.verified.txt</c> beside the feature (spec/trace-format.md, "Snapshots").</summary>
    public string VerifiedPath => Path.Combine(Feature.Directory, $"{Feature.Stem}.{Id[(Id.LastIndexOf('/') + 1)..]}.verified.txt");

    public override string ToString() => Key;
}
