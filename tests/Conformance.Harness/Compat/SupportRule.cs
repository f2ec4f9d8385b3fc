using System.Text.Json.Nodes;
using Conformance.Harness.Reports;

namespace Conformance.Harness.Compat;

/// <summary>
/// One runtime's <c>__compat.support.&lt;runtime&gt;</c> statement for one entry, from its releases oldest first
/// (docs/compat.md, "The rule"; issue 21, item 4). Only releases whose run judged at least one of the entry's scenarios count.
/// <list type="bullet">
/// <item>No release judged any: null, the runtime is left out of the support block (BCD: an absent runtime is unknown support).</item>
/// <item>The newest judged release passes every scenario it ran: <c>version_added</c> is the first release of the last unbroken
/// run of all-pass releases up to the newest.</item>
/// <item>It fails some and passes some: <c>partial_implementation: true</c>, <c>version_added</c> the first release of the last
/// unbroken run of releases that pass at least one, <c>notes</c> naming the failing scenarios of the newest release.</item>
/// <item>It passes none: <c>version_added: false</c> and the same notes.</item>
/// </list>
/// A version_added that is the oldest judged release is written <c>≤version</c> (BCD's ranged version: this release and
/// possibly earlier ones, which no run here tried).
/// </summary>
public static class SupportRule
{
    public const string Ranged = "≤";

    public static JsonObject? Of(IReadOnlyList<CompatRun> releases, Func<ScenarioResult, bool> member)
    {
        var judged = releases.Select(r => (Run: r, Rows: r.Rows.Where(member).Where(CompatRun.Judged).ToArray()))
            .Where(j => j.Rows.Length > 0).ToArray();
        if (judged.Length == 0) return null;
        var newest = judged[^1];
        var failing = newest.Rows.Where(r => r.Status != "PASS").ToArray();
        Func<ScenarioResult[], bool> holds = failing.Length == 0 ? rows => rows.All(Passes) : rows => rows.Any(Passes);
        if (failing.Length == newest.Rows.Length)
            return new JsonObject { ["version_added"] = false, ["notes"] = Notes(newest.Run, newest.Rows, failing) };

        var first = judged.Length - 1;
        while (first > 0 && holds(judged[first - 1].Rows)) first--;
        var version = judged[first].Run.Release.Version;
        var statement = new JsonObject { ["version_added"] = first == 0 ? Ranged + version : version };
        if (failing.Length > 0)
        {
            statement["partial_implementation"] = true;
            statement["notes"] = Notes(newest.Run, newest.Rows, failing);
        }
        return statement;
    }

    private static bool Passes(ScenarioResult row) => row.Status == "PASS";

    /// <summary>BCD's notes: one string, or an array of two or more; HTML limited to &lt;code&gt; and the like.</summary>
    private static JsonNode Notes(CompatRun release, ScenarioResult[] rows, ScenarioResult[] failing)
    {
        var notes = new JsonArray(JsonValue.Create(
            $"{failing.Length} of the {rows.Length} scenarios run on {release.Release.TargetName} do not pass (docs/compat.md):"));
        foreach (var row in failing.OrderBy(CompatRun.RowKey, StringComparer.Ordinal))
            notes.Add(JsonValue.Create($"<code>{Html(CompatRun.RowKey(row))}</code>: {row.Status}"));
        return notes;
    }

    private static string Html(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
