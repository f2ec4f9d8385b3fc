using System.Text;
using Conformance.Harness.Features;
using Conformance.Harness.Snapshots;
using static Conformance.Cli.Site.SiteHtml;

namespace Conformance.Cli.Site;

/// <summary>
/// "Async context at Workers boundaries" (issue 20, item 5): the rows of features/boundaries/, feature by feature. For each
/// boundary, the frame workerd gives (the requirement's entry in spec/requirements.md, its evidence quoted from workerd's
/// trace), the program, the expected trace (the verified snapshot, printed by workerd) and each target's status, a
/// NOT-APPLICABLE with what the target lacks.
/// </summary>
public static class BoundariesPage
{
    /// <summary>The features this page is generated from.</summary>
    public const string Area = "boundaries/";

    public static IReadOnlyList<ScenarioEntry> Rows(SiteData data) =>
        [.. data.Features.Entries.Where(e => e.Feature.RelativePath.StartsWith(Area, StringComparison.Ordinal))];

    public static string Render(SiteData data)
    {
        const string page = BoundariesPath;
        const string title = "Async context at Workers boundaries";
        var rows = Rows(data);
        var body = new StringBuilder();
        body.Append("<p>What a store holds when a call crosses the Workers platform's own boundaries: a Durable Object's fetch, methods ")
            .Append("and alarm, RPC to a WorkerEntrypoint, a function or RpcTarget passed over RPC, a WebSocketPair's events, ")
            .Append("crypto.subtle's and the Cache API's promises, a subrequest's body read, scheduled and queue handlers, what an RPC call returns. In every row each candidate frame (the caller's, the callee's, where a callback or stub ")
            .Append("was made, where it is invoked) holds a distinct store, so the expected trace, printed by workerd, shows which one ")
            .Append("the platform gives; <code>undefined</code> is none of them. Targets without the platform show such rows ")
            .Append("NOT-APPLICABLE, naming what they lack.</p>\n");
        if (rows.Count == 0)
        {
            body.Append($"<p>No feature under features/{E(Area)}.</p>\n");
            return Page(page, title, body.ToString());
        }
        var features = rows.GroupBy(r => r.Feature).ToArray();
        body.Append("<ul>").Append(string.Concat(features.Select(f => $"<li><a href=\"#{FeatureAnchor(f.Key)}\">{E(f.Key.Name)}</a></li>"))).Append("</ul>\n");
        foreach (var feature in features)
        {
            body.Append($"<h2 id=\"{FeatureAnchor(feature.Key)}\">{E(feature.Key.Name)}</h2>\n")
                .Append($"<p>{E(string.Join(" ", feature.Key.Description.Split('\n').Select(l => l.Trim())).Trim())}</p>\n");
            foreach (var entry in feature) Row(body, data, entry, page);
        }
        return Page(page, title, body.ToString());
    }

    private static void Row(StringBuilder body, SiteData data, ScenarioEntry entry, string page)
    {
        body.Append($"<section class=\"scenario boundary\" id=\"{ScenarioAnchor(entry)}\">\n<h3>{E(entry.Name)}</h3>\n")
            .Append($"<p class=\"muted\"><a href=\"{Href(page, FeaturePath(entry.Feature), ScenarioAnchor(entry))}\">features/{E(entry.Feature.RelativePath)}:{entry.Line}</a></p>\n");
        foreach (var id in entry.Tags.Requirements.Where(data.Spec.Entries.ContainsKey))
            body.Append($"<p><b>which frame workerd gives</b> (<a class=\"tag\" href=\"{Href(page, RequirementsPath, RequirementAnchor(id))}\">{E(id)}</a>)</p>")
                .Append($"<blockquote>{E(data.Spec.Entries[id].Trim())}</blockquote>\n");
        foreach (var doc in entry.Pickle?.Steps.Select(s => s.Argument?.DocString).OfType<Io.Cucumber.Messages.Types.PickleDocString>() ?? [])
            body.Append($"<details><summary>Program</summary><pre>{E(doc.Content)}</pre></details>\n");
        var declarations = entry.Pickle?.Steps.Where(s => s.Argument?.DocString is null && s.Text.StartsWith("the ", StringComparison.Ordinal) &&
            (s.Text.Contains("Durable Object class", StringComparison.Ordinal) || s.Text.Contains("WorkerEntrypoint class", StringComparison.Ordinal))).ToArray() ?? [];
        if (declarations.Length > 0) body.Append("<pre>").Append(E(string.Join("\n", declarations.Select(s => s.Text)))).Append("</pre>\n");
        var verified = SiteData.VerifiedOf(entry);
        body.Append("<p><b>expected trace</b> (printed by workerd)</p>")
            .Append(verified is null ? "<p class=\"st fail\">no verified snapshot</p>\n" : $"<pre class=\"expected\">{E(TraceText.Render(verified).TrimEnd('\n'))}</pre>\n");
        body.Append("<table><tr><th>target</th><th>status</th><th>detail</th></tr>\n");
        foreach (var target in data.Targets)
        {
            var result = target.ResultOf(entry);
            var detail = result?.Status is "NOT-APPLICABLE" or "SKIP" ? result.Detail : "";
            body.Append($"<tr class=\"result\" data-target=\"{E(target.Name)}\"><td>{E(target.Name)}</td><td>{Badge(result)}</td><td>{E(detail)}</td></tr>\n");
        }
        body.Append("</table></section>\n");
    }

    private static string FeatureAnchor(FeatureFile feature) => "f-" + Slug(feature.IdPrefix);
}
