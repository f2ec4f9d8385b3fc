using System.Net;
using System.Text.RegularExpressions;

namespace Harness.Tests.Site;

/// <summary>Reading a serialised DOM the way a reader sees it: an element by id, its text without markup, links and ids.</summary>
public static partial class DomText
{
    /// <summary>The markup of the element with <paramref name="id"/> up to the close of its tag (sections do not nest here).</summary>
    public static string Element(string html, string id, string tag)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no element with id=\"{id}\" in the page");
        var end = html.IndexOf($"</{tag}>", start, StringComparison.Ordinal);
        return html[start..(end < 0 ? html.Length : end)];
    }

    /// <summary>The text of some markup: tags dropped, entities decoded, and lines kept (a trace is one line per line).</summary>
    public static string Text(string html) => WebUtility.HtmlDecode(Tag().Replace(html, ""));

    /// <summary>Whitespace runs as one space, to compare prose that markup and wrapping may break differently.</summary>
    public static string Squash(string text) => Space().Replace(text, " ").Trim();

    public static IReadOnlyList<string> Hrefs(string html) => Href().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToArray();

    public static IReadOnlySet<string> Ids(string html) => Id().Matches(html).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex Href();

    [GeneratedRegex("\\bid=\"([^\"]*)\"")]
    private static partial Regex Id();
}
