using System.Net;
using System.Text.RegularExpressions;

namespace Harness.Tests.Site;

/// <summary>
/// The site over a small real run (<see cref="SiteRunFixture"/>) as files: one page per feature file of the catalog, and every
/// link of every page lands: a relative file exists, and an anchor names an id on its page. Nothing is fetched from the network.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class SiteLinkTests(SiteRunFixture site)
{
    [Fact]
    public void Every_feature_file_has_a_page_and_every_link_lands_on_a_file_and_an_anchor_that_exist()
    {
        Assert.Contains("site: ", site.SiteOutput);
        Assert.Contains(site.Index, site.SiteOutput);
        var pages = Directory.EnumerateFiles(site.SiteRoot, "*.html", SearchOption.AllDirectories)
            .Where(p => !p.EndsWith("living-documentation.html", StringComparison.Ordinal)).ToArray();
        foreach (var feature in site.Catalog.Features)
            Assert.Contains(Path.Combine(site.SiteRoot, "site", "features", feature.IdPrefix + ".html"), pages);

        var ids = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        IReadOnlySet<string> IdsOf(string file) => ids.TryGetValue(file, out var found) ? found : ids[file] = DomText.Ids(File.ReadAllText(file));
        var broken = new List<string>();
        var checkedLinks = 0;
        foreach (var page in pages)
        {
            var html = File.ReadAllText(page);
            Assert.DoesNotContain("src=\"http", html);
            Assert.DoesNotContain("<link", html);
            foreach (var href in DomText.Hrefs(html).Distinct())
            {
                if (href.StartsWith("https://", StringComparison.Ordinal)) continue; // the spec's source page, cited, not loaded
                checkedLinks++;
                var hash = href.IndexOf('#');
                var path = hash < 0 ? href : href[..hash];
                var file = path.Length == 0 ? page : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, WebUtility.UrlDecode(path)));
                if (!File.Exists(file)) broken.Add($"{page}: {href}: no file {file}");
                else if (hash >= 0 && file.EndsWith(".html", StringComparison.Ordinal) && !IdsOf(file).Contains(href[(hash + 1)..]))
                    broken.Add($"{page}: {href}: no id \"{href[(hash + 1)..]}\" in {file}");
            }
        }
        Assert.True(broken.Count == 0, $"{broken.Count} broken link(s) of {checkedLinks}:\n{string.Join("\n", broken.Take(20))}");
        Assert.True(checkedLinks > site.Catalog.Entries.Count, $"only {checkedLinks} links checked");
    }

    [Fact]
    public void Every_matrix_cell_links_to_its_scenarios()
    {
        // Requirement × target on the overview: each row links its id and one cell per target to the requirement's section.
        var index = File.ReadAllText(site.Index);
        var requirementLinks = DomText.Hrefs(DomText.Element(index, "requirement-table", "table"));
        Assert.Equal(site.Spec.Ids.Count * (1 + 2), requirementLinks.Count);
        Assert.Equal(site.Spec.Ids.Select(id => $"site/requirements.html#req-{id}").ToHashSet(), requirementLinks.ToHashSet());

        // The propagation matrix: per dimension, every non-empty cell links to its list, and the lists hold every generated row once.
        var matrix = File.ReadAllText(Path.Combine(site.SiteRoot, "site", "matrix.html"));
        // The cross-cutting rows and the candidate-frame rows (the matrix feature files named cross-cutting-... and
        // candidate-frames-..., docs/coverage.md) have no entry × position cell: they show on their feature pages only. Every
        // other generated row must sit in exactly one cell per dimension.
        var generated = site.Catalog.Entries.Count(e => e.Feature.RelativePath.StartsWith("matrix/", StringComparison.Ordinal)
            && !e.Feature.RelativePath.StartsWith("matrix/cross-cutting-", StringComparison.Ordinal)
            && !e.Feature.RelativePath.StartsWith("matrix/candidate-frames-", StringComparison.Ordinal));
        foreach (var dimension in new[] { "entry", "position" })
        {
            var table = DomText.Element(matrix, "by-" + dimension, "table");
            var cells = Regex.Matches(table, "<td class=\"(pass|fail|known|none)\"><a href=\"#(cell-[^\"]+)\">([0-9]+)</a>").ToArray();
            Assert.DoesNotMatch("<td class=\"(pass|fail|known)\">[0-9]", table);
            Assert.Equal(generated, cells.Sum(c => int.Parse(c.Groups[3].Value)));
            foreach (var cell in cells)
            {
                var list = DomText.Element(matrix, cell.Groups[2].Value, "section");
                Assert.Equal(int.Parse(cell.Groups[3].Value), DomText.Hrefs(list).Count(h => h.Contains("#s-", StringComparison.Ordinal)));
            }
        }
    }
}
