using Conformance.Harness.Features;
using Conformance.Harness.Generated;
using Conformance.Harness.Releases;
using Conformance.Harness.Requirements;
using Conformance.Inventory.Rendering;
using Conformance.Matrix;
using Conformance.Surface;

namespace Conformance.Generate;

/// <summary>
/// Every generated artefact of the repository and the model each is made from (issue 17, item 5): the propagation matrix's
/// features and docs/coverage.md (tools/Conformance.Matrix, closed by the inventory's counts: tools/Conformance.Inventory), the surface features (spec/surface/async_hooks.json), the counts
/// blocks of README.md and spec/README.md (spec/ and features/), docs/history.md (docs/history.json, recorded by the history verb).
/// </summary>
public static class Artefacts
{
    /// <summary>The folders whose generated files generate owns: one the model no longer makes is removed, a hand-written one kept.</summary>
    public static IReadOnlyList<GeneratedFolder> Folders { get; } =
        [new(MatrixOutput.FeatureFolder, "*.feature"), new(SurfaceFeatureGenerator.Folder, "*.feature")];

    /// <summary>
    /// Everything generate makes from the models under <paramref name="root"/>. The counts are taken over the features as generate
    /// leaves them (the committed hand-written ones and the generated ones as the model makes them), so one run is enough.
    /// A model that cannot be read is an <see cref="InvalidDataException"/> naming its file.
    /// </summary>
    public static GeneratedSet Of(string root)
    {
        List<GeneratedFile> files =
        [
            .. MatrixOutput.Files(root).Select(f => f.Path == MatrixOutput.CoveragePath
                // issue 19, item 1: the inventory's counts close the coverage page (one page, one writer).
                ? new GeneratedFile(f.Path, $"{f.Model} and {InventoryCoverage.Sources}", f.Body + "\n" + InventoryCoverage.Section(root))
                : new GeneratedFile(f.Path, f.Model, f.Body)),
            .. SurfaceFeatureGenerator.Generate(SurfaceDescription.Load(root)),
            ReleaseHistory.Page(HistoryRecord.Load(root)),
        ];
        var features = GeneratedWriter.Plan(root, new GeneratedSet(files, [], Folders));
        var spec = RequirementCatalog.Load(root);
        return new GeneratedSet(files, CountsBlock.Blocks(spec, FeaturesAfter(root, features, spec)), Folders);
    }

    /// <summary>The feature catalog of <paramref name="root"/>'s features/ with <paramref name="plan"/>'s changes made, in a scratch copy.</summary>
    private static FeatureCatalog FeaturesAfter(string root, GeneratedPlan plan, RequirementCatalog spec)
    {
        var scratch = Directory.CreateTempSubdirectory("generate-features-").FullName;
        try
        {
            var features = Path.Combine(root, "features");
            foreach (var file in Directory.EnumerateFiles(features, "*.feature", SearchOption.AllDirectories))
            {
                var copy = Path.Combine(scratch, "features", Path.GetRelativePath(features, file));
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                File.Copy(file, copy);
            }
            GeneratedWriter.Apply(scratch, plan with { Conflicts = [] });
            return FeatureCatalog.Load(Path.Combine(scratch, "features"), spec.IdSet);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }
}
