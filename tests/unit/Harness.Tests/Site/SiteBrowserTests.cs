using Conformance.Harness.Reports;
using Conformance.Harness.Snapshots;

namespace Harness.Tests.Site;

/// <summary>
/// The living-documentation site as a reader sees it: rendered from <c>file://</c> by headless Chromium over a small real run
/// (<see cref="SiteRunFixture"/>). A requirement's clause text, a scenario's expected trace, node's FAIL with its diff and its
/// known-failure reason, matrix cell links that land on anchors that exist, and the Workers boundaries page (issue 20, item 5);
/// screenshots of the overview and of that page are kept in reports/site-test/. Skips without Chromium, fails under CI without it (<see cref="Chromium"/>).
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

    [Fact]
    public async Task The_Workers_boundaries_page_shows_each_rows_frame_program_trace_and_what_a_target_lacks()
    {
        var browser = Chromium.Require();
        var row = site.BoundaryRow;
        var doms = await Task.WhenAll(new[] { site.Index, PageFile("site/boundaries.html") }.Select(p => Chromium.DumpDomAsync(browser, p, Cancel)));
        var (index, page) = (doms[0], doms[1]);
        Assert.Contains("site/boundaries.html", DomText.Hrefs(DomText.Element(index, "boundaries-link", "a")).Single());

        var section = DomText.Element(page, "s-" + row.Key[(row.Key.LastIndexOf('/') + 1)..], "section");
        var text = DomText.Text(section);
        // The expected trace is the verified snapshot, line for line; the program and the clause of its requirement are shown.
        Assert.Contains(string.Join("\n", TraceText.Read(row.VerifiedPath)), text);
        Assert.Contains("export class", text);
        var requirement = row.Tags.Requirements.First();
        Assert.Contains(DomText.Squash(site.Spec.Entries[requirement].Replace("`", "").Split('\n')[0]), DomText.Squash(text.Replace("`", "")));
        // The reference runs it and passes; node lacks the capability and says so.
        var cells = section.Split("<tr class=\"result\"").Skip(1).ToDictionary(r => r[(r.IndexOf("data-target=\"", StringComparison.Ordinal) + 13)..].Split('"')[0], DomText.Text);
        Assert.Contains("PASS", cells["reference"]);
        Assert.Contains("NOT-APPLICABLE", cells["node"]);
        Assert.Contains("no Durable Objects", cells["node"]);
        // Its link to the feature page lands on the row's section there.
        var featureLink = DomText.Hrefs(section).First(h => h.Contains("features/", StringComparison.Ordinal));
        var featureDom = await Chromium.DumpDomAsync(browser, PageFile("site/" + featureLink[..featureLink.IndexOf('#')]), Cancel);
        Assert.Contains(featureLink[(featureLink.IndexOf('#') + 1)..], DomText.Ids(featureDom));
        var png = Path.Combine(site.SiteRoot, "boundaries-screenshot.png");
        await Chromium.ScreenshotAsync(browser, PageFile("site/boundaries.html"), png, 2000, Cancel);
        Assert.True(File.ReadAllBytes(png).Length > 10_000, $"{png} is not a rendered page");
    }

    /// <summary>The first quoted line (<c>&gt; …</c>) of a requirement's entry that is not a code fence, or null.</summary>
    private string? QuotedLine(string id) => site.Spec.Entries[id].Replace("\r\n", "\n").Split('\n')
        .Where(l => l.StartsWith("> ", StringComparison.Ordinal) && !l.StartsWith("> ```", StringComparison.Ordinal) && l.Trim().Length > 6)
        .Select(l => l[2..]).FirstOrDefault();
}
