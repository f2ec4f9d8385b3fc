using Conformance.Explore.Exploring;
using Conformance.Explore.Generation;
using Conformance.Explore.Sources;
using Conformance.Explore.Reporting;
using Conformance.Harness.Targets;

namespace Explore.Tests;

public sealed class ExplorerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private static int CountWith(long seed, int count, string marker) =>
        Enumerable.Range(0, count).Count(i => ProgramRenderer.Render(new ProgramGenerator(SourceCatalog.Empty).Generate(seed, i).Operations).Contains(marker, StringComparison.Ordinal));

    [Fact]
    public async Task Divergences_with_the_same_minimised_shape_are_one_group_with_a_count()
    {
        var expected = CountWith(2, 60, "addEventListener");
        Assert.True(expected >= 2, "the seed should hold several listeners");
        var result = await new Explorer(ScriptedTarget.Truth(), ScriptedTarget.DivergingOn("addEventListener"), Timeout).ExploreAsync(2, 60);
        var group = Assert.Single(result.Groups);
        Assert.Equal("listener", group.Signature);
        Assert.Equal(expected, group.Count);
        Assert.Equal(60, result.Summary.Programs);
        Assert.Equal(new SummaryDivergence("listener", expected, "listener.feature", group.FirstIndex), Assert.Single(result.Summary.Divergences));
        Assert.Contains("log: \"wrong\"", group.TargetTrace);
        Assert.DoesNotContain("log: \"wrong\"", group.TruthTrace);
    }

    [Fact]
    public async Task A_program_whose_truth_wavers_is_discarded_and_counted_not_reported()
    {
        var calls = 0;
        // The truth adds a changing line to programs with a thenable; the target never does.
        var truth = new ScriptedTarget("workerd", p => ScriptedTarget.Completed(p.Source.Contains("then(resolve)", StringComparison.Ordinal)
            ? ScriptedTarget.LogsOf(p).Append($"log: {Interlocked.Increment(ref calls)}") : ScriptedTarget.LogsOf(p)));
        var result = await new Explorer(truth, ScriptedTarget.Truth(), Timeout).ExploreAsync(4, 60);
        Assert.Empty(result.Groups);
        Assert.Equal(CountWith(4, 60, "then(resolve)"), result.Summary.DiscardedUnstable);
        Assert.True(result.Summary.DiscardedUnstable > 0);
    }

    [Fact]
    public async Task Timeouts_and_crashes_of_the_target_are_counted_not_divergences()
    {
        var target = new ScriptedTarget("fake", p =>
            p.Source.Contains("queueMicrotask", StringComparison.Ordinal) ? new TargetRun(RunStatus.Timeout, [], "slow", Timeout)
            : p.Source.Contains("addEventListener", StringComparison.Ordinal) ? new TargetRun(RunStatus.Crash, ["log: \"half\""], "signal", Timeout)
            : ScriptedTarget.Completed(ScriptedTarget.LogsOf(p)));
        var result = await new Explorer(ScriptedTarget.Truth(), target, Timeout).ExploreAsync(6, 80);
        Assert.Empty(result.Groups);
        Assert.Equal(CountWith(6, 80, "queueMicrotask"), result.Summary.Timeouts);
        var crashes = Enumerable.Range(0, 80).Select(i => ProgramRenderer.Render(new ProgramGenerator(SourceCatalog.Empty).Generate(6, i).Operations))
            .Count(s => !s.Contains("queueMicrotask", StringComparison.Ordinal) && s.Contains("addEventListener", StringComparison.Ordinal));
        Assert.Equal(crashes, result.Summary.Crashes);
        Assert.True(result.Summary.Timeouts > 0 && result.Summary.Crashes > 0);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_result()
    {
        var first = await new Explorer(ScriptedTarget.Truth(), ScriptedTarget.DivergingOn("exit("), Timeout).ExploreAsync(12, 50);
        var again = await new Explorer(ScriptedTarget.Truth(), ScriptedTarget.DivergingOn("exit("), Timeout).ExploreAsync(12, 50);
        Assert.NotEmpty(first.Groups);
        static ExplorationSummary Untimed(ExplorationSummary s) => s with { WallSeconds = 0, ProgramsPerSecond = 0, Divergences = [], NotCompleted = [], Sources = [] };
        Assert.Equal(Untimed(first.Summary), Untimed(again.Summary));
        Assert.Equal(first.Summary.NotCompleted, again.Summary.NotCompleted);
        Assert.Equal(first.Summary.Sources, again.Summary.Sources);
        Assert.Equal(first.Summary.Divergences, again.Summary.Divergences);
        Assert.Equal(first.Groups.Select(Describe), again.Groups.Select(Describe));
    }

    private static string Describe(DivergenceGroup g) =>
        $"{g.Signature} {g.Count} {g.FirstIndex} {ProgramRenderer.Render(g.Minimised)} {string.Join("|", g.TruthTrace)} {string.Join("|", g.TargetTrace)}";
}

public sealed class TruthFailureTests
{
    [Fact]
    public async Task A_program_that_does_not_reach_its_end_on_workerd_is_a_truth_failure_not_an_agreement()
    {
        // Both sides print the same load error: equal traces, but nothing was judged.
        var loadError = new Func<Conformance.Harness.Scenarios.ScenarioProgram, TargetRun>(_ => ScriptedTarget.Completed(["load error: SyntaxError", "exit: ok"]));
        var result = await new Explorer(new ScriptedTarget("workerd", loadError), new ScriptedTarget("fake", loadError), TimeSpan.FromSeconds(5)).ExploreAsync(1, 10);
        Assert.Equal(10, result.Summary.TruthFailures);
        Assert.Empty(result.Groups);
    }
}
