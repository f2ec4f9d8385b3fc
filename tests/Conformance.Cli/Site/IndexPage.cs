using System.Text;
using Conformance.Harness.Reports;
using static Conformance.Cli.Site.SiteHtml;

namespace Conformance.Cli.Site;

/// <summary>
/// index.html: the run's targets with their counts per status and their own reports, the requirement table (requirement × target) (the
/// cells of <see cref="RequirementTable"/>, each linked to the requirement's scenarios), and the feature files with their
/// status counts per target, each linked to its page.
/// </summary>
public static class IndexPage
{
    /// <summary>The JSON Schema of a results.jsonl row, in the repository (spec/schema/).</summary>
    public const string ResultsContractPath = "spec/schema/results-row.v2.schema.json";

    /// <summary>The compatibility data the compat verb wrote for the pinned targets and a history (docs/compat.md, issue 21 item 4).</summary>
    public const string CompatDataPath = "docs/compat/async-local-storage.json";

    private static readonly string[] Statuses = ["PASS", "FAIL", "TIMEOUT", "CRASH", "ERROR", "SKIP", "NOT-APPLICABLE"];

    public static string Render(SiteData data, string siteRoot)
    {
        const string page = IndexPath;
        var body = new StringBuilder();
        var scenarios = data.Features.Entries.Count;
        body.Append($"<p>The living documentation of this run: {data.Spec.Ids.Count} requirement ids ")
            .Append($"(<a href=\"{Href(page, RequirementsPath)}\">requirements</a>), {scenarios} scenarios in {data.Features.Features.Count} feature files, ")
            .Append($"and the results of {data.Targets.Count} target(s). Each scenario's expected trace is its verified snapshot, printed by workerd. ")
            .Append($"The <a href=\"{Href(page, MatrixPath)}\">propagation matrix</a> shows the generated rows by family, entry form and position; ")
            .Append($"<a id=\"boundaries-link\" href=\"{Href(page, BoundariesPath)}\">async context at Workers boundaries</a> which frame the platform gives across its own calls.</p>\n");

        body.Append("<h2 id=\"targets\">Targets</h2>\n<table><tr><th>target</th><th>rows run</th>")
            .Append(string.Concat(Statuses.Select(s => $"<th>{s}</th>"))).Append("<th>known failures</th><th>unexpected</th><th>reports</th></tr>\n");
        foreach (var target in data.Targets)
        {
            var results = target.Results;
            body.Append($"<tr class=\"target\" data-target=\"{E(target.Name)}\"><td>{E(target.Name)}</td><td class=\"n\">{results.Count}</td>");
            foreach (var status in Statuses) body.Append($"<td class=\"n\">{results.Count(r => r.Status == status)}</td>");
            var unexpected = results.Count(r => !r.Expected);
            body.Append($"<td class=\"n\">{results.Count(r => r.Verdict == "KnownFailure")}</td>")
                .Append($"<td class=\"n\"><span class=\"st {(unexpected == 0 ? "pass" : "fail")}\">{unexpected}</span></td><td>");
            foreach (var (file, label) in new[] { ("living-documentation.html", "Cucumber HTML"), (ResultsJournal.FileName, "results"), ("summary.md", "summary") })
            {
                var path = Path.Combine(target.ReportDirectory, file);
                if (File.Exists(path)) body.Append($"<a href=\"{FileHref(page, siteRoot, path)}\">{label}</a> ");
            }
            body.Append("</td></tr>\n");
        }
        body.Append("</table>\n<p class=\"muted\">Counted over the rows each target ran (a filtered run leaves the others out: \"not run\"). ")
            .Append("A known failure is listed in targets/expectations/&lt;target&gt;.txt with its reason; unexpected results fail a run. ")
            .Append($"Each row of results.jsonl follows the <a href=\"{FileHref(page, siteRoot, Path.Combine(data.RepositoryRoot, ResultsContractPath))}\">results contract</a> ")
            .Append("(JSON Schema, versioned with the trace format; issue 21, item 3).</p>\n");
        CompatLinks(body, data, page, siteRoot);

        RequirementTableSection(body, data, page);
        FeatureTable(body, data, page);
        return Page(page, "Workers AsyncLocalStorage conformance", body.ToString());
    }

    /// <summary>The repository's compatibility data and its schema, when the repository has them (a packaged tool may not).</summary>
    private static void CompatLinks(StringBuilder body, SiteData data, string page, string siteRoot)
    {
        var file = Path.Combine(data.RepositoryRoot, CompatDataPath);
        var schema = Path.Combine(data.RepositoryRoot, Conformance.Harness.Compat.CompatData.SchemaPath);
        if (!File.Exists(file) || !File.Exists(schema)) return;
        body.Append($"<p class=\"muted\">Compatibility data in the browser-compat-data shape, one entry per requirement and propagation family ")
            .Append($"for workerd, node, deno and bun: <a href=\"{FileHref(page, siteRoot, file)}\">{E(CompatDataPath)}</a>, ")
            .Append($"following <a href=\"{FileHref(page, siteRoot, schema)}\">its schema</a> (docs/compat.md; issue 21, item 4).</p>\n");
    }

    private static void RequirementTableSection(StringBuilder body, SiteData data, string page)
    {
        var table = new RequirementTable(data.Targets.SelectMany(t => t.Results));
        body.Append("<h2 id=\"requirement-table\">Requirements × targets</h2>\n<p class=\"muted\">").Append(E(RequirementTable.Legend.Replace("`", "")))
            .Append(" Each cell links to the requirement's clause and scenarios.</p>\n<table class=\"requirement-table\"><tr><th>requirement</th><th>profile</th>")
            .Append(string.Concat(data.Targets.Select(t => $"<th>{E(t.Name)}</th>"))).Append("</tr>\n");
        foreach (var id in data.Spec.Ids)
        {
            var href = Href(page, RequirementsPath, RequirementAnchor(id));
            body.Append($"<tr><td><a href=\"{href}\">{E(id)}</a></td><td>{E(data.Spec.Headings[id].Replace("**", ""))}</td>");
            foreach (var target in data.Targets)
            {
                var cell = table.CellFor(id, target.Name);
                body.Append($"<td class=\"{cell.State}\"><a href=\"{href}\">{E(cell.Text)}</a></td>");
            }
            body.Append("</tr>\n");
        }
        body.Append("</table>\n");
    }

    private static void FeatureTable(StringBuilder body, SiteData data, string page)
    {
        body.Append("<h2 id=\"features\">Features</h2>\n<table><tr><th>feature</th><th>scenarios</th>")
            .Append(string.Concat(data.Targets.Select(t => $"<th>{E(t.Name)}: passed / run</th>"))).Append("</tr>\n");
        foreach (var group in data.Features.Entries.GroupBy(e => e.Feature))
        {
            body.Append($"<tr><td><a href=\"{Href(page, FeaturePath(group.Key))}\">{E(group.Key.IdPrefix)}</a> <span class=\"muted\">{E(group.Key.Name)}</span></td>")
                .Append($"<td class=\"n\">{group.Count()}</td>");
            foreach (var target in data.Targets)
            {
                var results = group.Select(target.ResultOf).OfType<ScenarioResult>().Where(r => r.Status is not ("SKIP" or "NOT-APPLICABLE")).ToArray();
                var passed = results.Count(r => r.Status == "PASS");
                var css = results.Length == 0 ? "none" : passed == results.Length ? "pass" : results.All(r => r.Expected) ? "known" : "fail";
                body.Append($"<td class=\"n {css}\">{(results.Length == 0 ? "—" : $"{passed} / {results.Length}")}</td>");
            }
            body.Append("</tr>\n");
        }
        body.Append("</table>\n");
    }

}
