using System.Net;
using System.Text;
using Conformance.Harness.Features;

namespace Conformance.Harness.Reports;

/// <summary>
/// The requirement table over several targets' results.jsonl: one row per requirement, one column per target (pass/fail per
/// cell, the scenarios counted), and the pass rate per profile per target. Rendered as requirement-table.md and .html. Not the
/// propagation matrix (features/matrix/, tools/Conformance.Matrix): issue 17, "one meaning for matrix".
/// </summary>
public sealed class RequirementTable
{
    public const string MarkdownFile = "requirement-table.md";
    public const string HtmlFile = "requirement-table.html";

    public IReadOnlyList<string> Targets { get; }
    public IReadOnlyList<string> Requirements { get; }
    private readonly IReadOnlyList<ScenarioResult> _results;

    public RequirementTable(IEnumerable<ScenarioResult> results)
    {
        // A scenario given twice for one target (two runs merged) counts once: the later result wins.
        _results = results.GroupBy(r => (r.Target, r.Id, r.Name)).Select(g => g.Last()).ToArray();
        Targets = _results.Select(r => r.Target).Distinct(StringComparer.Ordinal).ToArray();
        Requirements = _results.SelectMany(r => r.Requirements).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Reads results.jsonl from each folder (or file) given.</summary>
    public static RequirementTable Load(IEnumerable<string> resultDirectoriesOrFiles) =>
        new(resultDirectoriesOrFiles.SelectMany(p => ScenarioResult.ReadAll(Directory.Exists(p) ? Path.Combine(p, ResultsJournal.FileName) : p)));

    /// <summary>One cell: how the requirement's scenarios did on the target.</summary>
    public sealed record Cell(int Passed, int Failed, int Skipped)
    {
        public int Run => Passed + Failed;
        /// <summary>"pass", "fail", "skip" or "none" (no scenario of the requirement ran on the target).</summary>
        public string State => Run == 0 ? (Skipped > 0 ? "skip" : "none") : Failed == 0 ? "pass" : "fail";
        public string Text => State switch
        {
            "pass" => $"pass {Passed}/{Run}",
            "fail" => $"FAIL {Passed}/{Run}",
            "skip" => "skip",
            _ => "—",
        };
    }

    public Cell CellFor(string requirement, string target) => Count(_results.Where(r => r.Target == target && r.Requirements.Contains(requirement)));

    /// <summary>Pass rate of <paramref name="profile"/> scenarios on <paramref name="target"/> (skips excluded from the rate).</summary>
    public Cell ProfileFor(string profile, string target) => Count(_results.Where(r => r.Target == target && r.Profile == profile));

    private static Cell Count(IEnumerable<ScenarioResult> results)
    {
        var list = results.ToArray();
        var skipped = list.Count(r => r.Status == "SKIP");
        var passed = list.Count(r => r.Status == "PASS");
        return new Cell(passed, list.Length - skipped - passed, skipped);
    }

    /// <summary>How to read a cell; the same words head both renderings.</summary>
    public const string Legend =
        "A cell counts the requirement's scenarios that ran on the target: `pass n/n` when all passed, `FAIL k/n` when only k did. " +
        "A failure listed in the target's known-failure list (targets/expectations/<target>.txt) still counts as a failure here: " +
        "the table shows what each runtime does, the lists only decide what fails a run. `skip`: nothing ran (unavailable target, " +
        "shard); `—`: the requirement had no scenario in that run.";

    private static string Rate(Cell cell) => cell.Run == 0 ? (cell.Skipped > 0 ? "skip" : "—") : $"{cell.Passed}/{cell.Run} ({100.0 * cell.Passed / cell.Run:0}%)";

    public string RenderMarkdown()
    {
        var md = new StringBuilder("# Requirement table\n\n").Append(Legend).Append("\n\n## Pass rate by profile\n\n");
        md.AppendLine("| profile | " + string.Join(" | ", Targets) + " |");
        md.AppendLine("|---|" + string.Concat(Targets.Select(_ => "---|")));
        foreach (var profile in ScenarioTags.Profiles)
            md.AppendLine($"| {profile} | " + string.Join(" | ", Targets.Select(t => Rate(ProfileFor(profile, t)))) + " |");
        md.AppendLine().AppendLine("## Requirements").AppendLine();
        md.AppendLine("| requirement | " + string.Join(" | ", Targets) + " |");
        md.AppendLine("|---|" + string.Concat(Targets.Select(_ => "---|")));
        foreach (var requirement in Requirements)
            md.AppendLine($"| {requirement} | " + string.Join(" | ", Targets.Select(t => CellFor(requirement, t).Text)) + " |");
        return md.ToString();
    }

    public string RenderHtml()
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Requirement table</title><style>")
            .Append("body{font-family:system-ui,sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:2em}")
            .Append("th,td{border:1px solid #ccc;padding:.3em .7em;text-align:center}th:first-child,td:first-child{text-align:left}")
            .Append(".pass{background:#d8f5d0}.fail{background:#f9d0d0}.skip{background:#eee;color:#666}.none{color:#999}")
            .Append("</style></head><body>\n<h1>Requirement table</h1>\n<p>").Append(E(Legend).Replace("`", "")).Append("</p>\n<h2>Pass rate by profile</h2>\n<table><tr><th>profile</th>");
        foreach (var t in Targets) html.Append($"<th>{E(t)}</th>");
        html.Append("</tr>\n");
        foreach (var profile in ScenarioTags.Profiles)
        {
            html.Append($"<tr><td>{E(profile)}</td>");
            foreach (var t in Targets)
            {
                var cell = ProfileFor(profile, t);
                html.Append($"<td class=\"{cell.State}\">{E(Rate(cell))}</td>");
            }
            html.Append("</tr>\n");
        }
        html.Append("</table>\n<h2>Requirements</h2>\n<table><tr><th>requirement</th>");
        foreach (var t in Targets) html.Append($"<th>{E(t)}</th>");
        html.Append("</tr>\n");
        foreach (var requirement in Requirements)
        {
            html.Append($"<tr><td>{E(requirement)}</td>");
            foreach (var t in Targets)
            {
                var cell = CellFor(requirement, t);
                html.Append($"<td class=\"{cell.State}\">{E(cell.Text)}</td>");
            }
            html.Append("</tr>\n");
        }
        return html.Append("</table>\n</body></html>\n").ToString();
    }

    /// <summary>Writes <see cref="MarkdownFile"/> and <see cref="HtmlFile"/> into <paramref name="directory"/>.</summary>
    public void WriteTo(string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, MarkdownFile), RenderMarkdown());
        File.WriteAllText(Path.Combine(directory, HtmlFile), RenderHtml());
    }
}
