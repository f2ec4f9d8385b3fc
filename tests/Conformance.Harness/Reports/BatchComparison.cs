using System.Text;

namespace Conformance.Harness.Reports;

/// <summary>
/// The check that decides whether a target may batch (spec/trace-format.md TF-1b; spec/runtime-bridges.md B-13): a run
/// batched and a run one process per program of the same selection on the same target must give every scenario the same
/// status and the same trace (<see cref="ScenarioResult.TraceHash"/>). A scenario in one run and not the other is a
/// difference too, and so is a target present in only one of the runs, or a run with no results. Built on
/// <see cref="Repeatability.Compare"/>, with run 1 the batched one and run 2 the one per process.
/// </summary>
public static class BatchComparison
{
    /// <summary>One target's comparison: how many scenarios either run has, and each one that differs.</summary>
    public sealed record TargetComparison(string Target, int Scenarios, IReadOnlyList<Repeatability.ScenarioChange> Differing, string? Problem)
    {
        public bool Identical => Problem is null && Differing.Count == 0;

        public string Headline => Problem is not null
            ? $"batching: {Target}: {Problem}"
            : $"batching: {Target}: {Scenarios} scenarios, {Differing.Count} differ between batched and one process per program";
    }

    public static IReadOnlyList<TargetComparison> Compare(IReadOnlyList<ScenarioResult> batched, IReadOnlyList<ScenarioResult> onePerProcess)
    {
        var inBatched = batched.Select(r => r.Target).ToHashSet(StringComparer.Ordinal);
        var inAlone = onePerProcess.Select(r => r.Target).ToHashSet(StringComparer.Ordinal);
        var comparisons = new List<TargetComparison>();
        foreach (var target in inBatched.Union(inAlone).Order(StringComparer.Ordinal))
        {
            if (!inBatched.Contains(target) || !inAlone.Contains(target))
            {
                var only = inBatched.Contains(target) ? "the batched run" : "the run one process per program";
                comparisons.Add(new TargetComparison(target, 0, [], $"has results only in {only}"));
                continue;
            }
            var report = Repeatability.Compare([batched.Where(r => r.Target == target).ToList(), onePerProcess.Where(r => r.Target == target).ToList()]).Single();
            comparisons.Add(new TargetComparison(target, report.Scenarios, report.Changed, null));
        }
        if (comparisons.Count == 0) comparisons.Add(new TargetComparison("(none)", 0, [], "neither run has any result"));
        return comparisons;
    }

    /// <summary>Per target its headline, then each differing scenario: what each mode gave, and where the traces first differ.</summary>
    public static string Render(IReadOnlyList<TargetComparison> comparisons)
    {
        var text = new StringBuilder();
        foreach (var comparison in comparisons)
        {
            text.Append(comparison.Headline).Append('\n');
            foreach (var change in comparison.Differing)
            {
                text.Append("  DIFFERS ").Append(change.Id).Append("  (").Append(change.Name).Append(")\n");
                foreach (var variant in change.Variants)
                    foreach (var run in variant.Runs)
                        text.Append("    ").Append(run == 1 ? "batched: " : "one per process: ").Append(variant.Observation).Append('\n');
                if (change.FirstDifference() is { } difference) text.Append("    ").Append(difference).Append('\n');
            }
        }
        return text.ToString();
    }
}
