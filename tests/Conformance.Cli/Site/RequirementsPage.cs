using System.Text;
using System.Text.RegularExpressions;
using static Conformance.Cli.Site.SiteHtml;

namespace Conformance.Cli.Site;

/// <summary>
/// The requirements page: every id of spec/requirements.md with its entry as the spec holds it (the quoted clause, then the
/// requirement line), its profile, the page it quotes, and its scenarios with their status on every target.
/// </summary>
public static partial class RequirementsPage
{
    public static string Render(SiteData data)
    {
        const string page = RequirementsPath;
        var body = new StringBuilder();
        body.Append($"<p>Every requirement id of <code>spec/requirements.md</code>: its clause as the spec quotes it from ");
        body.Append(data.SourcePage is null ? "the source page" : $"<a href=\"{E(data.SourcePage)}\">{E(data.SourcePage)}</a>");
        body.Append(", its profile, and the scenarios that check it. Errata: <code>spec/errata.md</code>.</p>\n");
        foreach (var id in data.Spec.Ids)
        {
            var scenarios = data.ByRequirement[id];
            body.Append($"<section class=\"req\" id=\"{RequirementAnchor(id)}\">\n<h2>{E(id)} <span class=\"muted\">{E(data.Spec.Headings[id].Replace("**", ""))}</span></h2>\n");
            body.Append($"<div class=\"clause\">{Clause(data.Spec.Entries[id])}</div>\n");
            if (data.SourcePage is not null) body.Append($"<p class=\"muted\">source: <a href=\"{E(data.SourcePage)}\">{E(data.SourcePage)}</a></p>\n");
            if (scenarios.Count == 0)
            {
                body.Append("<p class=\"muted\">no scenario is tagged with this id</p>\n</section>\n");
                continue;
            }
            body.Append($"<table><tr><th>scenario ({scenarios.Count})</th><th>profile</th>")
                .Append(string.Concat(data.Targets.Select(t => $"<th>{E(t.Name)}</th>"))).Append("</tr>\n");
            foreach (var entry in scenarios)
                body.Append($"<tr><td><a href=\"{Href(page, FeaturePath(entry.Feature), ScenarioAnchor(entry))}\">{E(entry.Feature.IdPrefix)}: {E(entry.Name)}</a></td>")
                    .Append($"<td>{E(entry.Tags.Profile)}</td>")
                    .Append(string.Concat(data.Targets.Select(t => $"<td>{Badge(t.ResultOf(entry))}</td>"))).Append("</tr>\n");
            body.Append("</table>\n</section>\n");
        }
        return Page(page, "Requirements", body.ToString());
    }

    /// <summary>
    /// An entry's Markdown, kept as the spec writes it: quoted lines (<c>&gt; …</c>) as one block quote, with code fences as
    /// preformatted text; other paragraphs as text; <c>`code`</c> spans as code.
    /// </summary>
    public static string Clause(string markdown)
    {
        var html = new StringBuilder();
        var quote = new List<string>();
        var paragraph = new List<string>();
        void FlushQuote()
        {
            if (quote.Count == 0) return;
            // A fenced block inside the quote (an example of the page) is code: preformatted, not prose.
            html.Append("<blockquote>");
            var (code, segment) = (false, new List<string>());
            void Segment()
            {
                if (segment.Count > 0) html.Append(code ? $"<pre>{E(string.Join("\n", segment))}</pre>" : Inline(string.Join("\n", segment)));
                segment.Clear();
            }
            foreach (var line in quote)
            {
                if (!line.StartsWith("```", StringComparison.Ordinal)) { segment.Add(line); continue; }
                Segment();
                code = !code;
            }
            Segment();
            html.Append("</blockquote>\n");
            quote.Clear();
        }
        void FlushParagraph()
        {
            if (paragraph.Count == 0) return;
            html.Append("<p>").Append(Inline(string.Join(" ", paragraph))).Append("</p>\n");
            paragraph.Clear();
        }
        foreach (var raw in markdown.Replace("\r\n", "\n").Split('\n'))
        {
            if (raw.StartsWith('>'))
            {
                FlushParagraph();
                quote.Add(raw.Length > 1 && raw[1] == ' ' ? raw[2..] : raw[1..]);
            }
            else if (raw.Trim().Length == 0)
            {
                FlushQuote();
                FlushParagraph();
            }
            else
            {
                FlushQuote();
                paragraph.Add(raw.Trim());
            }
        }
        FlushQuote();
        FlushParagraph();
        return html.ToString();
    }

    private static string Inline(string text) => CodeSpan().Replace(E(text), m => $"<code>{m.Groups[1].Value}</code>");

    [GeneratedRegex("`([^`\n]+)`")]
    private static partial Regex CodeSpan();
}
