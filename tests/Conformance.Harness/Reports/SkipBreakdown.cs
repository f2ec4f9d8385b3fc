namespace Conformance.Harness.Reports;

/// <summary>
/// Why each skipped row of a run was skipped, from the targets' results.jsonl (ARCHITECTURE: a result that did not run never
/// counts as a pass). A skip is explained when it is a known failure (verdict KnownFailure), an environment skip (a SKIP on a
/// target the caller names as not installed where this runs), or NOT-APPLICABLE; anything else is unexplained and fails CI.
/// With <c>xunitSkipped</c>, skips the journals do not account for (a shard, a skipped unit test) are unexplained too.
/// </summary>
public sealed record SkipBreakdown(int KnownFailures, int Environment, int NotApplicable, IReadOnlyList<string> Unexplained)
{
    public const string NotApplicableStatus = "NOT-APPLICABLE";

    public int Explained => KnownFailures + Environment + NotApplicable;

    /// <summary>The line .ci/run prints before its closing count.</summary>
    public string Line => $"skipped: {KnownFailures} known failures, {Environment} environment, {NotApplicable} not-applicable";

    /// <param name="environmentTargets">Targets whose SKIP rows are documented environment skips (a runtime this CI does not install).</param>
    /// <param name="xunitSkipped">The skipped count the test runner reported over all assemblies, or null not to reconcile.</param>
    public static SkipBreakdown Of(IEnumerable<ScenarioResult> results, IReadOnlySet<string> environmentTargets, int? xunitSkipped = null)
    {
        int known = 0, environment = 0, notApplicable = 0;
        var undocumented = new List<ScenarioResult>();
        foreach (var r in results)
        {
            if (r.Verdict == "KnownFailure") known++;
            else if (r.Status == NotApplicableStatus) notApplicable++;
            else if (r.Status == "SKIP" && r.Expected && environmentTargets.Contains(r.Target)) environment++;
            else if (r.Status == "SKIP" && r.Expected) undocumented.Add(r);
        }
        // One line per target: an unavailable target skips every row for the same reason.
        var unexplained = undocumented.GroupBy(r => r.Target, StringComparer.Ordinal)
            .Select(g => $"{g.Key}: {g.Count()} SKIP row(s), and {g.Key} is not a documented environment skip; the first, {g.First().Id}: {FirstLine(g.First().Detail)}")
            .ToList();
        var recorded = known + environment + notApplicable + undocumented.Count;
        if (xunitSkipped is { } total && total != recorded)
            unexplained.Add($"the test runner skipped {total} test(s) but the results account for {recorded}: " +
                "a skip no results.jsonl records (a shard, a skipped unit test, a results file missing)");
        return new SkipBreakdown(known, environment, notApplicable, unexplained);
    }

    private static string FirstLine(string text) => text.IndexOf('\n') is var end && end >= 0 ? text[..end] : text;
}
