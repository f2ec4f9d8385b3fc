using System.Text.RegularExpressions;
using Conformance.Harness.Features;

namespace Conformance.Harness.Requirements;

/// <summary>
/// The links between spec, features, snapshots and known-failure lists (spec/README.md "Counts": every requirement id has
/// a scenario). Each method returns what is broken, one line per problem; an empty list means the link holds.
/// </summary>
public static partial class Traceability
{
    /// <summary>
    /// Where a spec entry's feature list (backquoted <c>area/name.feature</c> paths, <c>*</c> within a segment) and the
    /// scenarios tagged with its id disagree: a feature of its scenarios the entry does not name, or a named path where no
    /// scenario carries the id.
    /// </summary>
    public static IReadOnlyList<string> FeatureListMismatches(RequirementCatalog spec, FeatureCatalog catalog)
    {
        var problems = new List<string>();
        foreach (var id in spec.Ids)
        {
            var listed = FeaturePath().Matches(spec.Entries[id]).Select(m => m.Groups["path"].Value).Distinct(StringComparer.Ordinal).ToArray();
            var patterns = listed.Select(p => (Path: p, Regex: new Regex("^" + Regex.Escape(p).Replace(@"\*", "[^/]*") + "$"))).ToArray();
            var files = catalog.Entries.Where(e => e.Tags.Requirements.Contains(id, StringComparer.Ordinal))
                .Select(e => e.Feature.RelativePath).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            foreach (var file in files.Where(f => !patterns.Any(p => p.Regex.IsMatch(f))))
                problems.Add($"{id}: {file} has scenarios tagged @{id}, but its entry in spec/requirements.md does not name it");
            foreach (var (path, regex) in patterns.Where(p => !files.Any(f => p.Regex.IsMatch(f))))
                problems.Add($"{id}: its entry in spec/requirements.md names {path}, where no scenario is tagged @{id}");
        }
        return problems;
    }

    [GeneratedRegex(@"`(?<path>[a-z0-9*-]+/[a-z0-9*.-]+\.feature)`")]
    private static partial Regex FeaturePath();

    /// <summary>Requirement ids of the spec that no scenario is tagged with.</summary>
    public static IReadOnlyList<string> UncoveredRequirements(RequirementCatalog spec, FeatureCatalog catalog)
    {
        var tagged = catalog.Entries.SelectMany(e => e.Tags.Requirements).ToHashSet(StringComparer.Ordinal);
        return spec.Ids.Where(id => !tagged.Contains(id)).Select(id => $"{id} has no scenario").ToArray();
    }

    /// <summary>Scenarios tagged with a profile but with no requirement id.</summary>
    public static IReadOnlyList<string> ScenariosWithoutRequirement(FeatureCatalog catalog) =>
        catalog.Entries.Where(e => e.PickleIndex >= 0 && e.Tags.Requirements.Count == 0)
            .Select(e => $"{e.Key} has no requirement id").ToArray();

    /// <summary>Rows the catalog cannot run (an unknown tag, a missing profile, a parse error), with their problem.</summary>
    public static IReadOnlyList<string> RowProblems(FeatureCatalog catalog) =>
        catalog.Entries.Where(e => e.Problem is not null).Select(e => $"{e.Key}: {e.Problem}").ToArray();

    /// <summary>Files <c>*.verified.txt</c> under the features root that are no scenario's snapshot.</summary>
    public static IReadOnlyList<string> OrphanSnapshots(FeatureCatalog catalog)
    {
        if (!Directory.Exists(catalog.Root)) return [];
        var expected = catalog.Entries.Where(e => e.PickleIndex >= 0)
            .Select(e => Path.GetFullPath(e.VerifiedPath)).ToHashSet(StringComparer.Ordinal);
        return Directory.EnumerateFiles(catalog.Root, "*.verified.txt", SearchOption.AllDirectories)
            .Where(f => !expected.Contains(Path.GetFullPath(f)))
            .Select(f => $"{Path.GetRelativePath(catalog.Root, f).Replace('\\', '/')} belongs to no scenario")
            .Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>
    /// Entries of the known-failure lists (<c>*.txt</c> in <paramref name="expectationsDirectory"/>) whose scenario id is no
    /// scenario. Only the first <c>|</c>-separated field of a line is read, so any later fields may change format. The lists of
    /// an exploration (<c>explore-&lt;target&gt;.txt</c>) name program signatures, not scenarios: tools/Conformance.Explore
    /// reads and checks them (ExpectedDivergences), so they are left out here.
    /// </summary>
    public static IReadOnlyList<string> UnknownKnownFailures(FeatureCatalog catalog, string expectationsDirectory)
    {
        if (!Directory.Exists(expectationsDirectory)) return [];
        var problems = new List<string>();
        foreach (var file in Directory.EnumerateFiles(expectationsDirectory, "*.txt").Order(StringComparer.Ordinal))
        {
            if (Path.GetFileName(file).StartsWith("explore-", StringComparison.Ordinal)) continue;
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].Trim();
                if (line.Length == 0 || line.StartsWith('#')) continue;
                var bar = line.IndexOf('|');
                var id = (bar < 0 ? line : line[..bar]).Trim();
                if (catalog.Find(id) is null)
                    problems.Add($"{Path.GetFileName(file)}:{i + 1}: \"{id}\" is no scenario");
            }
        }
        return problems;
    }
}
