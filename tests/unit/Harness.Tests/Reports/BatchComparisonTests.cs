using Conformance.Harness.Reports;
using Conformance.Harness.Scenarios;

namespace Harness.Tests.Reports;

/// <summary>The check that a target may batch (TF-1b, B-13): batched and one-per-process runs, scenario by scenario.</summary>
public sealed class BatchComparisonTests
{
    private static ScenarioResult R(string id, string status, string target, params string[] trace) => new ScenarioResult
    {
        Id = id, Feature = "f.feature", Name = id, Target = target, Status = status, Verdict = "x",
    }.WithTrace(trace);

    [Fact]
    public void Identical_runs_pass_and_say_how_many_scenarios_were_compared()
    {
        var run = new[] { R("a", "PASS", "node", "end"), R("b", "FAIL", "node", "log: x", "end"), R("c", "TIMEOUT", "node") };
        var comparison = Assert.Single(BatchComparison.Compare(run, run));
        Assert.True(comparison.Identical);
        Assert.Equal("batching: node: 3 scenarios, 0 differ between batched and one process per program\n", BatchComparison.Render([comparison]));
    }

    [Fact]
    public void A_different_trace_a_different_status_and_a_missing_scenario_each_differ()
    {
        var batched = new[] { R("a", "PASS", "deno", "log: 1", "end"), R("b", "PASS", "deno", "end"), R("d", "PASS", "deno", "end") };
        var alone = new[] { R("a", "PASS", "deno", "log: 2", "end"), R("b", "TIMEOUT", "deno"), R("c", "PASS", "deno", "end"), R("d", "PASS", "deno", "end") };
        var comparison = Assert.Single(BatchComparison.Compare(batched, alone));
        Assert.False(comparison.Identical);
        Assert.Equal(["a", "b", "c"], comparison.Differing.Select(d => d.Id));
        var text = BatchComparison.Render([comparison]);
        Assert.Contains("batching: deno: 4 scenarios, 3 differ", text);
        Assert.Contains("first difference at trace line 1: \"log: 1\" vs \"log: 2\"", text);
        Assert.Contains("    batched: no result\n", text);
    }

    [Fact]
    public void A_target_in_one_run_only_and_two_empty_runs_are_problems_not_passes()
    {
        var comparisons = BatchComparison.Compare([R("a", "PASS", "bun", "end")], [R("a", "PASS", "node", "end")]);
        Assert.Equal(["bun", "node"], comparisons.Select(c => c.Target));
        Assert.All(comparisons, c => Assert.False(c.Identical));
        Assert.Contains("has results only in the batched run", comparisons[0].Headline);
        Assert.Contains("has results only in the run one process per program", comparisons[1].Headline);
        Assert.False(Assert.Single(BatchComparison.Compare([], [])).Identical);
    }
}
