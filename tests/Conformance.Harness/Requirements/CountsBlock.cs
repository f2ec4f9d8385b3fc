using Conformance.Harness.Features;
using Conformance.Harness.Generated;

namespace Conformance.Harness.Requirements;

/// <summary>
/// The counts the READMEs state (requirement ids, scenarios per profile, feature files, errata), computed from the spec and
/// the feature catalog and written by generate as a <see cref="GeneratedBlock"/> named "counts", so they are never typed by hand.
/// The block is self-contained (no relative links), so it reads the same in README.md and spec/README.md.
/// </summary>
public static class CountsBlock
{
    /// <summary>What the counts are made from (the block's header names it).</summary>
    public const string Model = "spec/requirements.md, spec/errata.md and features/";

    /// <summary>The files that hold a counts block, relative to the repository root.</summary>
    public static IReadOnlyList<string> Files { get; } = ["README.md", "spec/README.md"];

    /// <summary>The block of each file in <see cref="Files"/>.</summary>
    public static IReadOnlyList<GeneratedBlock> Blocks(RequirementCatalog spec, FeatureCatalog catalog)
    {
        var block = Render(spec, catalog);
        return [.. Files.Select(f => new GeneratedBlock(f, "counts", Model, block))];
    }

    /// <summary>The block's lines between the markers (markdown, '\n' separated, ending in '\n').</summary>
    public static string Render(RequirementCatalog spec, FeatureCatalog catalog)
    {
        var observed = spec.Ids.Count(IsObserved);
        var clauses = spec.Ids.Where(id => !IsObserved(id)).GroupBy(Prefix).Select(g => $"`{g.Key}` {g.Count()}");
        var examples = spec.Ids.Count(id => Prefix(id) == "EX");
        var rows = catalog.Entries.Where(e => e.PickleIndex >= 0).ToArray();
        var profiles = ScenarioTags.Profiles.Select(p => $"{rows.Count(r => r.Tags.Profile == p)} {p}");
        int Under(string prefix) => rows.Count(r => r.Feature.IdPrefix.StartsWith(prefix, StringComparison.Ordinal));
        var surfaceAreas = catalog.Features.Count(f => f.IdPrefix.StartsWith(SurfacePrefix, StringComparison.Ordinal));
        var cross = Under(CrossCuttingPrefix);
        return $"""
            | | count |
            |---|---|
            | requirement ids (`spec/requirements.md`) | {spec.Ids.Count}: {spec.Ids.Count - observed} clauses of the page ({string.Join(", ", clauses)}), {observed} pinned to workerd where the page is silent (`OBS` {spec.Ids.Count(id => Prefix(id) == "OBS")}, `SURF` {spec.Ids.Count(id => Prefix(id) == "SURF")}) |
            | scenarios (`features/`) | {rows.Length} in {catalog.Features.Count} feature files: {string.Join(", ", profiles)} |
            | generated (`docs/coverage.md`) | {Under(MatrixPrefix) - cross} propagation matrix rows; {cross} cross-cutting rows (the `this` of callbacks, stores under GC pressure, deep nesting, long chains); {Under(SurfacePrefix)} surface rows, one per entry of `spec/surface/async_hooks.json` checked on every target, in {surfaceAreas} areas |
            | errata (`spec/errata.md`) | {spec.Errata.Count} of the page's {examples} examples do not do what the page says (`ERR`) |

            """.Replace("\r\n", "\n");
    }

    // Generated folders (tools/Conformance.Generate): features/matrix from tools/Conformance.Matrix's model (its cross-cutting
    // dimensions as cross-cutting-*.feature, Data/CrossCuttingDimensions.cs), features/surface from spec/surface/async_hooks.json.
    public const string MatrixPrefix = "matrix/";
    public const string CrossCuttingPrefix = "matrix/cross-cutting-";
    public const string SurfacePrefix = "surface/";

    /// <summary>OBS ids pin what workerd does where the page is silent; SURF ids pin the module's surface as workerd exposes it.</summary>
    private static bool IsObserved(string id) => Prefix(id) is "OBS" or "SURF";

    private static string Prefix(string id) => id[..id.IndexOf('-')];
}
