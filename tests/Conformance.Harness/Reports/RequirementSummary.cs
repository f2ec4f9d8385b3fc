using System.Text;

namespace Conformance.Harness.Reports;

/// <summary>
/// summary.md: one run on one target, by requirement id (requirement → scenarios → status), with the counts by status and
/// the unexpected results first, so a reader sees what changed before what is known.
/// </summary>
public static class RequirementSummary
{
    public const string FileName = "summary.md";
    private static readonly string[] StatusOrder = ["PASS", "FAIL", "TIMEOUT", "CRASH", "ERROR", "SKIP", "NOT-APPLICABLE"];

    /// <param name="notices">Lines shown loudly at the top (an unavailable target, settings problems).</param>
    public static string Render(string target, IReadOnlyList<ScenarioResult> results, IReadOnlyList<string> notices)
    {
        var md = new StringBuilder();
        md.AppendLine($"# Conformance summary: {target}").AppendLine();
        foreach (var notice in notices) md.AppendLine($"> **{Markdown.Escape(notice)}**").AppendLine();

        md.AppendLine("| " + string.Join(" | ", StatusOrder) + " | unexpected |");
        md.AppendLine("|" + string.Concat(Enumerable.Repeat("---:|", StatusOrder.Length + 1)));
        md.AppendLine("| " + string.Join(" | ", StatusOrder.Select(s => results.Count(r => r.Status == s))) + $" | {results.Count(r => !r.Expected)} |");
        md.AppendLine();

        var unexpected = results.Where(r => !r.Expected).ToArray();
        if (unexpected.Length > 0)
        {
            md.AppendLine("## Unexpected results").AppendLine();
            foreach (var r in unexpected) md.AppendLine($"- `{r.Id}`: {r.Status} ({r.Verdict}): {Markdown.Escape(FirstLine(r.Detail))}");
            md.AppendLine();
        }

        md.AppendLine("## By requirement").AppendLine();
        var byRequirement = results
            .SelectMany(r => (r.Requirements.Count > 0 ? r.Requirements : ["(no requirement id)"]).Select(req => (req, r)))
            .GroupBy(p => p.req, p => p.r)
            .OrderBy(g => g.Key.StartsWith('(') ? 1 : 0).ThenBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in byRequirement)
        {
            var passed = group.Count(r => r.Status == "PASS");
            md.AppendLine($"### {group.Key}: {passed}/{group.Count()} pass").AppendLine();
            md.AppendLine("| scenario | profile | status | note |");
            md.AppendLine("|---|---|---|---|");
            foreach (var r in group)
                md.AppendLine($"| `{r.Id}` | {r.Profile} | {r.Status} | {Markdown.Escape(r.Expected ? (r.Verdict == "KnownFailure" ? "known failure" : "") : "UNEXPECTED")} |");
            md.AppendLine();
        }
        return md.ToString();
    }

    private static string FirstLine(string text) => text.Split('\n')[0];
}

internal static class Markdown
{
    public static string Escape(string text) => text.Replace("|", "\\|").Replace("\r", "").Replace("\n", " ");
}
