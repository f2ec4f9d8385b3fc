using System.Net;
using System.Text;
using Conformance.Harness.Features;
using Conformance.Harness.Reports;

namespace Conformance.Cli.Site;

/// <summary>
/// What every page of the site shares: the page frame with its inline style (the site opens from disk: no server, no network,
/// nothing fetched), escaping, anchors, relative links between pages, and how a status is shown.
/// </summary>
public static class SiteHtml
{
    /// <summary>Where pages sit, relative to the site's root (index.html is at the root).</summary>
    public const string IndexPath = "index.html";
    public const string RequirementsPath = "site/requirements.html";
    public const string MatrixPath = "site/matrix.html";
    public const string BoundariesPath = "site/boundaries.html";

    public static string FeaturePath(FeatureFile feature) => $"site/features/{feature.IdPrefix}.html";

    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>An anchor-safe form: letters, digits, '-' and '_' kept, every other run of characters one '-'.</summary>
    public static string Slug(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_') builder.Append(c);
            else if (builder.Length > 0 && builder[^1] != '-') builder.Append('-');
        }
        return builder.ToString().Trim('-');
    }

    public static string ScenarioAnchor(ScenarioEntry entry) => "s-" + Slug(entry.Key[(entry.Key.LastIndexOf('/') + 1)..]);

    public static string RequirementAnchor(string id) => "req-" + Slug(id);

    /// <summary>A link from <paramref name="fromPage"/> to <paramref name="toPage"/> (both relative to the root), with an anchor.</summary>
    public static string Href(string fromPage, string toPage, string? anchor = null)
    {
        var fromDir = fromPage.Contains('/') ? fromPage[..fromPage.LastIndexOf('/')] : "";
        var up = fromDir.Length == 0 ? "" : string.Concat(Enumerable.Repeat("../", fromDir.Count(c => c == '/') + 1));
        var path = fromDir.Length > 0 && toPage.StartsWith(fromDir + "/", StringComparison.Ordinal) ? toPage[(fromDir.Length + 1)..] : up + toPage;
        if (fromPage == toPage) path = "";
        return E(path + (anchor is null ? "" : "#" + anchor));
    }

    /// <summary>A link from a page to a file on disk (a target's report), relative to the site's root folder.</summary>
    public static string FileHref(string fromPage, string siteRoot, string file) =>
        Href(fromPage, Path.GetRelativePath(siteRoot, file).Replace(Path.DirectorySeparatorChar, '/'));

    /// <summary>The CSS class and text of a result: its status, and whether the target's known-failure list expects it.</summary>
    public static (string Class, string Text) Status(ScenarioResult? result) => result switch
    {
        null => ("none", "not run"),
        { Status: "PASS", Expected: true } => ("pass", "PASS"),
        { Verdict: "KnownFailure" } => ("known", result.Status + " (known)"),
        { Expected: false } => ("fail", result.Status + (result.Status == "PASS" ? " (listed as failing)" : "")),
        { Status: "SKIP" or "NOT-APPLICABLE" } => ("skip", result.Status),
        _ => ("fail", result.Status),
    };

    public static string Badge(ScenarioResult? result)
    {
        var (css, text) = Status(result);
        return $"<span class=\"st {css}\">{E(text)}</span>";
    }

    private const string Style =
        "body{font-family:system-ui,sans-serif;margin:0;color:#1d1d1f;line-height:1.45}" +
        "header{background:#20303f;color:#fff;padding:.7em 2em}header a{color:#cfe3ff;margin-right:1.2em}" +
        "main{padding:1em 2em;max-width:90em}h1{font-size:1.5em}h2{margin-top:1.6em;border-bottom:1px solid #ddd}" +
        "table{border-collapse:collapse;margin:.6em 0 1.4em}th,td{border:1px solid #ccc;padding:.25em .6em;vertical-align:top}" +
        "th{background:#f3f4f6;text-align:left}td.n{text-align:right}" +
        "pre{background:#f6f8fa;border:1px solid #e1e4e8;padding:.6em;overflow-x:auto;font-size:.85em;margin:.3em 0}" +
        "blockquote{border-left:4px solid #8aa;margin:.4em 0;padding:.2em 1em;background:#f8fafa;white-space:pre-wrap}" +
        "code{background:#f0f0f0;padding:0 .2em}.scenario{border:1px solid #ddd;border-radius:6px;padding:.4em 1em;margin:1em 0}" +
        ".scenario:target,.req:target,.cell:target{outline:3px solid #f0b400}" +
        ".st{padding:0 .4em;border-radius:3px;font-weight:600;white-space:nowrap}.pass{background:#d8f5d0}.fail{background:#f9c9c9}" +
        ".known{background:#fde9c0}.skip{background:#eee;color:#555}.none{color:#888}" +
        ".tag{display:inline-block;background:#eef;border-radius:3px;padding:0 .3em;margin:0 .2em .2em 0;font-size:.85em}" +
        ".diff .add{color:#0a6b1f}.diff .del{color:#b00020}.muted{color:#666;font-size:.9em}td a{text-decoration:none}";

    /// <summary>A whole page: title, navigation to the other pages, and <paramref name="body"/>.</summary>
    public static string Page(string page, string title, string body) =>
        $"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{E(title)}</title><style>{Style}</style></head><body>\n" +
        $"<header><a href=\"{Href(page, IndexPath)}\">Overview</a><a href=\"{Href(page, RequirementsPath)}\">Requirements</a>" +
        $"<a href=\"{Href(page, MatrixPath)}\">Propagation matrix</a><a href=\"{Href(page, BoundariesPath)}\">Workers boundaries</a></header>\n<main>\n<h1>{E(title)}</h1>\n{body}</main></body></html>\n";

    /// <summary>A unified diff with added and removed lines marked.</summary>
    public static string Diff(string diff)
    {
        var html = new StringBuilder("<pre class=\"diff\">");
        foreach (var line in diff.Replace("\r\n", "\n").TrimEnd('\n').Split('\n'))
        {
            var css = line.StartsWith("+++", StringComparison.Ordinal) || line.StartsWith("---", StringComparison.Ordinal) ? null
                : line.StartsWith('+') ? "add" : line.StartsWith('-') ? "del" : null;
            html.Append(css is null ? E(line) : $"<span class=\"{css}\">{E(line)}</span>").Append('\n');
        }
        return html.Append("</pre>").ToString();
    }

    public static string Pre(IEnumerable<string> lines) => $"<pre>{E(string.Join("\n", lines))}</pre>";
}
