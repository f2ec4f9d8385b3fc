using Conformance.Harness.Reports;
using Conformance.Harness.Snapshots;

namespace Harness.Tests.Site;

/// <summary>
/// The living-documentation site as a reader sees it: rendered from <c>file://</c> by headless Chromium over a small real run
/// (<see cref="SiteRunFixture"/>). A requirement's clause text, a scenario's expected trace, node's FAIL with its diff and its
/// known-failure reason, and matrix cell links that land on anchors that exist; a screenshot of the overview is kept in
/// reports/site-test/site-screenshot.png. Skips without Chromium, fails under CI without it (<see cref="Chromium"/>).
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class SiteBrowserTests(SiteRunFixture site)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private string PageFile(string relative) => Path.Combine(site.SiteRoot, relative.Replace('/', Path.DirectorySeparatorChar));

    [Fact]
    public async Task A_reader_sees_clauses_expected_traces_failures_with_diffs_and_matrix_links_that_land()
    {
        var browser = Chromium.Require();
        var (failing, listed) = site.NodeFailure;
        var featurePage = PageFile($"site/features/{failing.Feature.IdPrefix}.html");
        var matrixRow = site.Selection[^1];
        var pages = new[] { site.Index, PageFile("site/requirements.html"), featurePage, PageFile("site/matrix.html"), PageFile($"site/features/{matrixRow.Feature.IdPrefix}.html") };
        var doms = await Task.WhenAll(pages.Select(p => Chromium.DumpDomAsync(browser, p, Cancel)));
        var (index, requirements, feature, matrix, matrixFeature) = (doms[0], doms[1], doms[2], doms[3], doms[4]);

        // A requirement of the failing scenario, with its clause text as spec/requirements.md quotes it.
        var requirement = failing.Tags.Requirements.Concat(site.Spec.Ids).First(id => QuotedLine(id) is not null);
        var clause = DomText.Squash(DomText.Text(DomText.Element(requirements, "req-" + requirement, "section")));
        Assert.Contains(DomText.Squash(QuotedLine(requirement)!.Replace("`", "")), clause);

        // The scenario's expected trace is its verified snapshot, line for line.
        var section = DomText.Element(feature, "s-" + failing.Key[(failing.Key.LastIndexOf('/') + 1)..], "section");
        var verified = TraceText.Read(failing.VerifiedPath);
        Assert.Contains(string.Join("\n", verified), DomText.Text(section));

        // node FAILs it: the status, the known-failure reason from targets/expectations/node.txt, and the diff against what it printed.
        var nodeResult = ScenarioResult.ReadAll(Path.Combine(site.SiteRoot, "node", ResultsJournal.FileName)).Single(r => r.Id == failing.Id);
        Assert.Equal("FAIL", nodeResult.Status);
        var failure = DomText.Text(section[section.IndexOf("class=\"failure\" data-target=\"node\"", StringComparison.Ordinal)..]);
        Assert.Contains("FAIL (known)", failure);
        Assert.Contains(DomText.Squash(listed.Reason), DomText.Squash(DomText.Text(section)));
        var store = new SnapshotStore(false, Path.Combine(site.Root, "features"), Path.Combine(site.SiteRoot, "node", SnapshotStore.ReceivedFolder));
        var received = TraceText.Read(store.ReceivedPathFor(failing.VerifiedPath));
        Assert.Equal(nodeResult.Trace, received);
        foreach (var added in received.Except(verified)) Assert.Contains("+" + added, failure);
        foreach (var removed in verified.Except(received)) Assert.Contains("-" + removed, failure);

        // The requirement × target matrix: the cell of that requirement on node links to the requirement's section, which exists.
        var cellLinks = DomText.Hrefs(DomText.Element(index, "requirement-table", "table")).Where(h => h.EndsWith("#req-" + requirement, StringComparison.Ordinal)).ToArray();
        Assert.True(cellLinks.Length >= 1 + 2, $"the row of {requirement} links its id and both targets' cells: {string.Join(", ", cellLinks)}");
        Assert.All(cellLinks, h => Assert.StartsWith("site/requirements.html#", h));
        Assert.Contains("req-" + requirement, DomText.Ids(requirements));

        // The propagation matrix: a cell links to its list on the page, and the list's scenario link lands on the feature page.
        var cell = DomText.Hrefs(DomText.Element(matrix, "by-entry", "table")).First(h => h.StartsWith("#cell-", StringComparison.Ordinal));
        Assert.Contains(cell[1..], DomText.Ids(matrix));
        var scenarioLink = DomText.Hrefs(DomText.Element(matrix, cell[1..], "section")).First(h => h.Contains("#s-", StringComparison.Ordinal));
        Assert.EndsWith($"features/{matrixRow.Feature.IdPrefix}.html#s-{matrixRow.Key[(matrixRow.Key.LastIndexOf('/') + 1)..]}", scenarioLink);
        Assert.Contains(scenarioLink[(scenarioLink.IndexOf('#') + 1)..], DomText.Ids(matrixFeature));

        // The overview names both targets in its summary table; keep a screenshot with the reports.
        Assert.Contains("data-target=\"reference\"", index);
        Assert.Contains("data-target=\"node\"", index);
        var png = Path.Combine(site.SiteRoot, "site-screenshot.png");
        await Chromium.ScreenshotAsync(browser, site.Index, png, 2000, Cancel);
        var bytes = File.ReadAllBytes(png);
        Assert.True(bytes.Length > 10_000 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G', $"{png} is not a rendered PNG ({bytes.Length} bytes)");
    }

    /// <summary>The first quoted line (<c>&gt; …</c>) of a requirement's entry that is not a code fence, or null.</summary>
    private string? QuotedLine(string id) => site.Spec.Entries[id].Replace("\r\n", "\n").Split('\n')
        .Where(l => l.StartsWith("> ", StringComparison.Ordinal) && !l.StartsWith("> ```", StringComparison.Ordinal) && l.Trim().Length > 6)
        .Select(l => l[2..]).FirstOrDefault();
}
