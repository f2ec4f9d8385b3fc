using Conformance.Harness.Reports;
using Conformance.Harness.Targets.Versions;

namespace Conformance.Harness.Compat;

/// <summary>
/// One release of one runtime as compat reads it (issue 21, item 4): the rows its run(s) judged, from one or more report
/// folders (a pinned run and a history run of the same release are one release: their rows are joined, the later folder's
/// row winning for a scenario both ran).
/// </summary>
public sealed record CompatRun(RuntimeVersion Release, IReadOnlyList<string> Sources, IReadOnlyList<ScenarioResult> Rows)
{
    /// <summary>The runtime key of the support block: workerd, node, deno or bun (<see cref="RuntimeFamily.All"/>).</summary>
    public string Runtime => Release.Family.Name;

    /// <summary>
    /// Whether a row says anything about support: a PASS, FAIL, TIMEOUT, CRASH or ERROR. A SKIP (a known gap of this machine
    /// or an unavailable runtime) and NOT-APPLICABLE (a date or flag the release does not have) say nothing.
    /// </summary>
    public static bool Judged(ScenarioResult row) => row.Status is not ("SKIP" or "NOT-APPLICABLE") && row.Verdict != "Unavailable";

    /// <summary>The releases of the same runtime and version joined into one, each runtime's releases oldest first.</summary>
    public static IReadOnlyList<CompatRun> Join(IEnumerable<CompatRun> runs) =>
        [.. runs.GroupBy(r => r.Release.TargetName, StringComparer.Ordinal)
            .Select(g => new CompatRun(g.First().Release, [.. g.SelectMany(r => r.Sources)],
                [.. g.SelectMany(r => r.Rows).GroupBy(RowKey, StringComparer.Ordinal).Select(k => k.Last())]))
            .OrderBy(r => r.Runtime, StringComparer.Ordinal).ThenBy(r => r.Release.Version, VersionOrder.Instance)];

    /// <summary>A row's catalog key (an outline's later rows are <c>id#2</c>...).</summary>
    public static string RowKey(ScenarioResult row) => row.Key ?? row.Id;
}
