using System.Text;
using Conformance.Harness.Execution;
using Conformance.Harness.Features;
using Conformance.Harness.Snapshots;
using static Conformance.Cli.Site.SiteHtml;

namespace Conformance.Cli.Site;

/// <summary>
/// One page per feature file: each scenario with its feature and line, tags, requirement ids, profile, program (the doc
/// string, outline values filled in), expected trace (the verified snapshot) and its status on every target of the run; where
/// a target did not match, the diff of the verified snapshot against what it printed, and the known-failure list's reason.
/// </summary>
public static class FeaturePage
{
    public static string Render(SiteData data, FeatureFile feature, IEnumerable<ScenarioEntry> entries, string siteRoot)
    {
        var page = FeaturePath(feature);
        var body = new StringBuilder();
        body.Append($"<p class=\"muted\">features/{E(feature.RelativePath)}</p>\n");
        if (feature.Description.Trim().Length > 0) body.Append($"<p style=\"white-space:pre-wrap\">{E(feature.Description.Trim())}</p>\n");
        if (feature.ParseError is not null) body.Append($"<p class=\"st fail\">{E(feature.ParseError)}</p>\n");
        var list = entries.ToArray();
        body.Append("<table><tr><th>scenario</th>").Append(string.Concat(data.Targets.Select(t => $"<th>{E(t.Name)}</th>"))).Append("</tr>\n");
        foreach (var entry in list)
            body.Append($"<tr><td><a href=\"#{ScenarioAnchor(entry)}\">{E(entry.Name)}</a></td>")
                .Append(string.Concat(data.Targets.Select(t => $"<td>{Badge(t.ResultOf(entry))}</td>"))).Append("</tr>\n");
        body.Append("</table>\n");
        foreach (var entry in list) Scenario(body, data, entry, page, siteRoot);
        return Page(page, feature.Name, body.ToString());
    }

    private static void Scenario(StringBuilder body, SiteData data, ScenarioEntry entry, string page, string siteRoot)
    {
        body.Append($"<section class=\"scenario\" id=\"{ScenarioAnchor(entry)}\">\n<h2>{E(entry.Name)}</h2>\n");
        body.Append($"<p><b>id</b> <code>{E(entry.Id)}</code> · <b>where</b> <code>features/{E(entry.Feature.RelativePath)}:{entry.Line}</code>")
            .Append($" · <b>profile</b> {E(entry.Tags.Profile ?? "(none)")}</p>\n<p><b>requirements</b> ");
        body.Append(entry.Tags.Requirements.Count == 0 ? "(none)" : string.Join(" ", entry.Tags.Requirements.Select(id =>
            $"<a class=\"tag\" href=\"{Href(page, RequirementsPath, RequirementAnchor(id))}\">{E(id)}</a>")));
        body.Append(" · <b>tags</b> ").Append(string.Concat(entry.Tags.All.Select(t => $"<span class=\"tag\">@{E(t)}</span>"))).Append("</p>\n");
        if (entry.Rule is { } rule) body.Append($"<p><b>rule</b> {E(rule.Title)}</p>\n");
        if (entry.Description.Length > 0) body.Append($"<p style=\"white-space:pre-wrap\">{E(entry.Description)}</p>\n");
        if (entry.Problem is not null) body.Append($"<p><span class=\"st fail\">cannot run</span> {E(entry.Problem)}</p>\n");

        if (entry.Pickle is { } pickle)
        {
            body.Append("<h3>Steps</h3>\n<pre>");
            foreach (var step in pickle.Steps) body.Append(E(step.Text)).Append('\n');
            body.Append("</pre>\n");
            foreach (var doc in pickle.Steps.Select(s => s.Argument?.DocString).OfType<Io.Cucumber.Messages.Types.PickleDocString>())
                body.Append("<details open><summary>Program</summary>").Append($"<pre>{E(doc.Content)}</pre></details>\n");
        }

        var verified = SiteData.VerifiedOf(entry);
        body.Append("<h3>Expected trace</h3>\n");
        var verifiedName = Path.GetFileName(entry.VerifiedPath);
        body.Append(verified is null
            ? $"<p class=\"st fail\">no verified snapshot {E(verifiedName)}</p>\n"
            : $"<p class=\"muted\">the verified snapshot {E(verifiedName)} (what workerd printed)</p>\n<pre class=\"expected\">{E(TraceText.Render(verified).TrimEnd('\n'))}</pre>\n");

        body.Append("<h3>Results</h3>\n<table><tr><th>target</th><th>status</th><th>verdict</th><th>ms</th><th>known failure</th></tr>\n");
        foreach (var target in data.Targets)
        {
            var result = target.ResultOf(entry);
            var known = target.KnownFailures.Find(entry.Id);
            body.Append($"<tr class=\"result\" data-target=\"{E(target.Name)}\"><td>{E(target.Name)}</td><td>{Badge(result)}</td>")
                .Append($"<td>{E(result?.Verdict ?? "")}</td><td class=\"n\">{result?.ElapsedMs}</td>")
                .Append($"<td>{(known is null ? "" : E($"{known.Status?.Text() ?? "FAIL"}: {known.Reason}"))}</td></tr>\n");
        }
        body.Append("</table>\n");

        foreach (var target in data.Targets)
        {
            if (target.ResultOf(entry) is not { } result || result.Status == "PASS" || result.Status is "SKIP" or "NOT-APPLICABLE") continue;
            body.Append($"<div class=\"failure\" data-target=\"{E(target.Name)}\"><h4>{E(target.Name)}: {Badge(result)}</h4>\n");
            var (received, file) = target.ReceivedOf(entry, result, data.Features.Root);
            if (result.Status == "FAIL" && received is not null)
            {
                body.Append("<p class=\"muted\">diff: the verified snapshot (-) against what the target printed (+)")
                    .Append(file is null ? "" : $", <a href=\"{FileHref(page, siteRoot, file)}\">received file</a>").Append("</p>\n")
                    .Append(Diff(SnapshotStore.Diff(verified, received, verifiedName, Path.GetFileName(file) ?? "received")));
            }
            else
            {
                body.Append($"<pre>{E(result.Detail)}</pre>\n");
            }
            if (result.VerdictMessage is { Length: > 0 } message) body.Append($"<p class=\"muted\">verdict</p><pre>{E(message)}</pre>\n");
            if (result.ExitCode is { } code) body.Append($"<p class=\"muted\">exit code {code}</p>\n");
            if (result.StderrTail.Count > 0) body.Append("<p class=\"muted\">end of standard error</p>").Append(Pre(result.StderrTail)).Append('\n');
            body.Append("</div>\n");
        }
        body.Append("</section>\n");
    }
}
