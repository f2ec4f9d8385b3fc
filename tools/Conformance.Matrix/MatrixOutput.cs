using System.Reflection;
using Conformance.Matrix.Data;
using Conformance.Matrix.Model;
using Conformance.Matrix.Rendering;

namespace Conformance.Matrix;

/// <summary>One file the model makes: its path (relative to the repository root, '/' separated), the model entry it is made from, its body.</summary>
public sealed record MatrixFile(string Path, string Model, string Body);

/// <summary>Everything the propagation matrix's model makes; tools/Conformance.Generate writes it, with the one generated header.</summary>
public static class MatrixOutput
{
    public const string FeatureFolder = "features/matrix";
    public const string CoveragePath = "docs/coverage.md";
    public const string DataFolder = "tools/Conformance.Matrix/Data";

    /// <summary>
    /// The generated files, in path order. <paramref name="sourceRoot"/> is the repository whose spec/surface description the
    /// coverage table summarises (<see cref="SurfaceSummary"/>).
    /// </summary>
    public static IReadOnlyList<MatrixFile> Files(string sourceRoot)
    {
        var files = new List<MatrixFile>();
        foreach (var family in Families.All)
            files.Add(new($"{FeatureFolder}/{family.File}.feature", ModelEntry(family), FeatureRenderer.Render(family)));
        foreach (var frames in FrameFamilies.All)
            files.Add(new($"{FeatureFolder}/{frames.File}.feature", ModelEntry(frames), FrameRowRenderer.Render(frames)));
        // issue 19, item 2: the rows generated from the inventory's async sources, one feature per recipe set.
        var coverage = SourceRowPlan.Cover(InventoryCallbacks.Load(sourceRoot), SourceRecipeSets.All, SourceRecipeSets.Reasons, SourceRecipeSets.NotYet);
        foreach (var set in SourceRecipeSets.All)
            files.Add(new($"{FeatureFolder}/{set.Family.File}.feature", $"{ModelEntry(set)} and {InventoryCallbacks.Sources}", FrameRowRenderer.Render(set.Family)));
        foreach (var dimension in CrossCuttingDimensions.All)
            files.Add(new($"{FeatureFolder}/{dimension.File}.feature", ModelEntry(dimension), CrossCuttingRenderer.Render(dimension)));
        files.Add(new(CoveragePath, $"{DataFolder}/ and {SurfaceSummary.DescriptionPath}", CoverageRenderer.Render(SurfaceSummary.Load(sourceRoot), coverage)));
        return [.. files.OrderBy(f => f.Path, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Where a family or dimension is defined: "tools/Conformance.Matrix/Data/PromiseFamilies.cs (PromiseFamilies.Await)", the
    /// static property of a Data class (one class a file, named as the file) that holds it. A value no property holds is an error.
    /// </summary>
    public static string ModelEntry(object entry)
    {
        var holders = typeof(Families).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(Families).Namespace && t.IsAbstract && t.IsSealed)
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Static).Select(p => (Type: t, Property: p)))
            .Where(h => h.Property.GetIndexParameters().Length == 0 && ReferenceEquals(h.Property.GetValue(null), entry))
            .ToArray();
        if (holders.Length != 1)
            throw new InvalidOperationException($"a model entry must be held by exactly one static property of {DataFolder}; this one is held by {holders.Length}");
        var (type, property) = holders[0];
        return $"{DataFolder}/{type.Name}.cs ({type.Name}.{property.Name})";
    }
}
