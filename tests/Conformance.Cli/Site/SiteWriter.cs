using Conformance.Harness.Snapshots;

namespace Conformance.Cli.Site;

/// <summary>
/// Writes the living-documentation site (docs/living-documentation.md): <c>index.html</c> in the output folder and the other
/// pages under <c>site/</c> beside it (requirements, propagation matrix, Workers boundaries, one page per feature file). The <c>site/</c> folder is
/// the writer's own and is written afresh; nothing else in the output folder is touched but index.html.
/// </summary>
public static class SiteWriter
{
    /// <returns>The path of index.html.</returns>
    public static string Write(SiteData data, string outputDirectory)
    {
        var root = Path.GetFullPath(outputDirectory);
        var pages = Path.Combine(root, "site");
        if (Directory.Exists(pages)) Directory.Delete(pages, recursive: true);
        Directory.CreateDirectory(pages);

        void Save(string page, string html)
        {
            var path = Path.Combine(root, page.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, html, TraceText.Utf8);
        }

        foreach (var feature in data.Features.Entries.GroupBy(e => e.Feature))
            Save(SiteHtml.FeaturePath(feature.Key), FeaturePage.Render(data, feature.Key, feature, root));
        Save(SiteHtml.RequirementsPath, RequirementsPage.Render(data));
        Save(SiteHtml.MatrixPath, MatrixPage.Render(data, PropagationGrid.Of(data.Features)));
        Save(SiteHtml.BoundariesPath, BoundariesPage.Render(data));
        Save(SiteHtml.IndexPath, IndexPage.Render(data, root));
        return Path.Combine(root, SiteHtml.IndexPath);
    }
}
