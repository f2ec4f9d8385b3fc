using System.Text;
using Conformance.Explore.Exploring;
using Conformance.Explore.Generation;
using Conformance.Harness.Scenarios;
using Conformance.Harness.Snapshots;

namespace Conformance.Explore.Reporting;

/// <summary>
/// Writes one divergence group as a ready-to-add scenario: `&lt;slug&gt;.feature` (the minimised program, suggested tags),
/// beside it workerd's trace as `&lt;slug&gt;.&lt;scenario slug&gt;.verified.txt` (the name the suite looks for once the
/// feature sits in a folder under features/), the target's trace as `.received.txt` and their diff as `.diff.txt`.
/// </summary>
public static class ScenarioFiles
{
    public const string ScenarioName = "an explored program";

    /// <summary>The feature file a group of this signature is written to.</summary>
    public static string FeatureName(string signature) => Signature.Slug(signature) + ".feature";

    /// <summary>Writes the files into <paramref name="directory"/> and returns the feature's file name.</summary>
    public static string Write(string directory, DivergenceGroup group, string targetName)
    {
        Directory.CreateDirectory(directory);
        var slug = Signature.Slug(group.Signature);
        var stem = Path.Combine(directory, slug + "." + ScenarioSlug.From(ScenarioName));
        File.WriteAllText(Path.Combine(directory, FeatureName(group.Signature)), Feature(group, targetName));
        File.WriteAllText(stem + ".verified.txt", Lines(group.TruthTrace));
        File.WriteAllText(stem + ".received.txt", Lines(group.TargetTrace));
        File.WriteAllText(stem + ".diff.txt", SnapshotStore.Diff(group.TruthTrace, group.TargetTrace, "workerd", targetName) + "\n");
        return FeatureName(group.Signature);
    }

    /// <summary>The files <see cref="Write"/> makes for a feature named <paramref name="feature"/>, for copying.</summary>
    public static IEnumerable<string> FilesOf(string feature)
    {
        var slug = Path.GetFileNameWithoutExtension(feature);
        yield return feature;
        foreach (var suffix in new[] { ".verified.txt", ".received.txt", ".diff.txt" })
            yield return slug + "." + ScenarioSlug.From(ScenarioName) + suffix;
    }

    private static string Lines(IReadOnlyList<string> trace) => string.Concat(trace.Select(line => line + "\n"));

    public static string Feature(DivergenceGroup group, string targetName)
    {
        var requirements = RequirementTags.Requirements(group.Minimised);
        var text = new StringBuilder();
        text.Append($"# Found by exploration (tools/Conformance.Explore): program {group.FirstIndex} of its seed, diverging on {targetName}; how often: summary.json.\n");
        text.Append($"# Signature: {group.Signature}\n");
        text.Append("# Suggested tags follow the propagation matrix's rules; check them against spec/requirements.md before adding.\n");
        text.Append("Feature: Found by exploration\n\n");
        text.Append("  ").Append(string.Join(' ', requirements.Select(id => "@" + id))).Append(" @").Append(RequirementTags.Profile(requirements)).Append('\n');
        text.Append($"  Scenario: {ScenarioName}\n");
        text.Append("    Given the worker program:\n      \"\"\"js\n");
        foreach (var line in ProgramRenderer.Render(group.Minimised).TrimEnd('\n').Split('\n'))
            text.Append("      ").Append(line).Append('\n');
        text.Append("      \"\"\"\n    When the test handler runs\n    Then the trace matches the verified snapshot\n");
        return text.ToString();
    }
}
