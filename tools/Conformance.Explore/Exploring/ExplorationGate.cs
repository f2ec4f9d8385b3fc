using Conformance.Explore.Reporting;

namespace Conformance.Explore.Exploring;

/// <summary>
/// The CI verdict on a bounded exploration (issue 9, point 5): every divergence must be listed with its reason, and nothing
/// may have failed to run (a timeout, crash or harness error on the target, or a program workerd did not complete).
/// </summary>
public static class ExplorationGate
{
    public static IReadOnlyList<string> Problems(ExplorationSummary summary, ExpectedDivergences expected)
    {
        var problems = new List<string>();
        foreach (var signature in expected.Unlisted(summary.Divergences.Select(d => d.Signature)))
        {
            var d = summary.Divergences.First(x => x.Signature == signature);
            problems.Add($"unlisted divergence ({d.Count}×): {signature}  (scenario {d.Scenario})");
        }
        if (summary.Timeouts > 0) problems.Add($"{summary.Timeouts} program(s) timed out on {summary.Target}");
        if (summary.Crashes > 0) problems.Add($"{summary.Crashes} program(s) crashed {summary.Target}");
        if (summary.Errors > 0) problems.Add($"{summary.Errors} run(s) the harness could not make on {summary.Target}");
        if (summary.TruthFailures > 0) problems.Add($"{summary.TruthFailures} program(s) did not complete on workerd: a generator defect");
        return problems;
    }
}
