using Conformance.Matrix.Data;
using Conformance.Matrix.Rendering;

namespace Conformance.Matrix;

/// <summary>Everything the generator writes, by path relative to the repository root ('/' separated).</summary>
public static class MatrixOutput
{
    public const string FeatureFolder = "features/matrix";
    public const string CoveragePath = "docs/coverage.md";

    /// <summary>
    /// The generated files. <paramref name="sourceRoot"/> is the repository whose spec/surface description the coverage
    /// table summarises (<see cref="SurfaceSummary"/>).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Files(string sourceRoot)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var family in Families.All)
            files.Add($"{FeatureFolder}/{family.File}.feature", FeatureRenderer.Render(family));
        foreach (var dimension in CrossCuttingDimensions.All)
            files.Add($"{FeatureFolder}/{dimension.File}.feature", CrossCuttingRenderer.Render(dimension));
        files.Add(CoveragePath, CoverageRenderer.Render(SurfaceSummary.Load(sourceRoot)));
        return files;
    }

    /// <summary>
    /// Writes every file under <paramref name="root"/> and removes generated feature files (those starting with
    /// <see cref="FeatureRenderer.Header"/>) that the model no longer produces. Returns the paths written or removed.
    /// The surface description is read from <paramref name="sourceRoot"/> (default: <paramref name="root"/>).
    /// </summary>
    public static IReadOnlyList<string> WriteTo(string root, string? sourceRoot = null)
    {
        var changed = new List<string>();
        var files = Files(sourceRoot ?? root);
        foreach (var (relative, content) in files)
        {
            var path = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (File.Exists(path) && File.ReadAllText(path) == content) continue;
            File.WriteAllText(path, content);
            changed.Add(relative);
        }
        var folder = Path.Combine(root, FeatureFolder);
        foreach (var stale in Directory.EnumerateFiles(folder, "*.feature"))
        {
            var relative = FeatureFolder + "/" + Path.GetFileName(stale);
            if (files.ContainsKey(relative) || !File.ReadAllText(stale).StartsWith(FeatureRenderer.Header, StringComparison.Ordinal)) continue;
            File.Delete(stale);
            changed.Add(relative + " (removed)");
        }
        return changed;
    }
}
