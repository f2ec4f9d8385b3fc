using System.Text;
using Conformance.Harness.Generated;
using Conformance.Harness.Reports;

namespace Conformance.Harness.Releases;

/// <summary>One runtime's releases, oldest first, each with its run (issue 10, "History").</summary>
public sealed record RuntimeHistory(string Runtime, IReadOnlyList<ReleaseRun> Releases);

/// <summary>
/// docs/history.md, rendered from <see cref="HistoryRecord"/> (docs/history.json): per runtime, the PASS count per profile on
/// each release, and every scenario whose outcome (status and trace digest, <see cref="ObservedOutcome.SameAs"/>) changed between
/// consecutive releases, old → new. Its header is the one of every generated file (tests/Conformance.Harness/Generated/GeneratedHeader.cs).
/// </summary>
public static class ReleaseHistory
{
    public static readonly IReadOnlyList<string> Profiles = ["documented", "caveat", "workerd-observed", "erratum"];

    /// <summary>The page as generate writes it, made from <paramref name="record"/>.</summary>
    public static GeneratedFile Page(HistoryRecord record) => new(HistoryRecord.PagePath, HistoryRecord.RelativePath, Render(record));

    /// <summary>The page's body, after its header line.</summary>
    public static string Render(HistoryRecord record)
    {
        var md = new StringBuilder();
        md.Append("# The suite across releases\n\n");
        foreach (var line in record.Header) md.Append(line).Append('\n');
        foreach (var runtime in record.Runtimes)
        {
            md.Append('\n').Append($"## {runtime.Runtime}\n\n");
            md.Append($"| release | {string.Join(" | ", Profiles.Select(p => $"{p} PASS"))} | PASS | FAIL | NOT-APPLICABLE | other |\n");
            md.Append($"|---|{string.Concat(Profiles.Select(_ => "---:|"))}---:|---:|---:|---:|\n");
            foreach (var row in runtime.Releases) md.Append(Row(row)).Append('\n');
            md.Append('\n');
            if (runtime.Changes.Count == 0) { md.Append("No scenario's outcome changed between consecutive releases.\n"); continue; }
            md.Append("| from → to | scenario | old → new |\n|---|---|---|\n");
            foreach (var c in runtime.Changes) md.Append($"| {c.From} → {c.To} | `{c.Scenario}` | {c.Old} → {c.New} |\n");
        }
        return md.ToString();
    }

    private static string Row(ReleaseRow row)
    {
        if (row.NotStarted is not null) return $"| {row.Release} | would not start: {Markdown.Escape(row.NotStarted)} |{string.Concat(Profiles.Select(_ => " |"))} | | |";
        string ProfileCell(string profile) => row.Profiles?.GetValueOrDefault(profile) is { } count ? $"{count.Pass}/{count.Of}" : "";
        return $"| {row.Release} | {string.Join(" | ", Profiles.Select(ProfileCell))} | {row.Pass}/{row.Of} | {row.Fail} | {row.NotApplicable} | {row.Other} |";
    }

    /// <summary>Each scenario whose outcome differs between one started release and the next started one.</summary>
    public static IEnumerable<(string From, string To, string Id, ObservedOutcome Old, ObservedOutcome New)> Changes(IReadOnlyList<ReleaseRun> releases)
    {
        var started = releases.Where(r => r.Started).ToList();
        for (var i = 1; i < started.Count; i++)
        {
            var (before, after) = (started[i - 1], started[i]);
            foreach (var id in before.Outcomes!.Keys.Union(after.Outcomes!.Keys).Order(StringComparer.Ordinal))
            {
                var (old, now) = (before.OutcomeOf(id), after.OutcomeOf(id));
                if (!old.SameAs(now)) yield return (before.Release, after.Release, id, old, now);
            }
        }
    }
}
