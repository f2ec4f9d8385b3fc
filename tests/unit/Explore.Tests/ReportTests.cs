using Conformance.Explore.Exploring;
using Conformance.Explore.Reporting;
using Conformance.Harness.Execution;
using Harness.Tests.Schema;

namespace Explore.Tests;

public sealed class ReportTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "explore-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private static Explorer Explorer() => new(ScriptedTarget.Truth(), ScriptedTarget.DivergingOn("scheduler.wait"), TimeSpan.FromSeconds(5));

    [Fact]
    public async Task Shard_reports_merge_into_the_report_of_one_unsharded_run()
    {
        var whole = ExploreRun.Write(await Explorer().ExploreAsync(3, 70), Path.Combine(_root, "whole"));
        var shards = new List<string>();
        for (var i = 1; i <= 3; i++)
        {
            var dir = Path.Combine(_root, $"shard-{i}");
            ExploreRun.Write(await Explorer().ExploreAsync(3, 70, new ShardSpec(i, 3)), dir);
            shards.Add(dir);
        }
        var merged = ShardMerge.Merge(shards, Path.Combine(_root, "merged"));
        Assert.NotEmpty(whole.Divergences);
        Assert.Equal(whole.Programs, merged.Programs);
        Assert.Equal(whole.Divergences, merged.Divergences);
        Assert.Equal(["1/3", "2/3", "3/3"], merged.Shards);
        foreach (var d in merged.Divergences)
            foreach (var file in ScenarioFiles.FilesOf(d.Scenario))
                Assert.Equal(File.ReadAllText(Path.Combine(_root, "whole", file)), File.ReadAllText(Path.Combine(_root, "merged", file)));
        Assert.Throws<InvalidDataException>(() => ShardMerge.Merge([shards[0], shards[0]], Path.Combine(_root, "twice")));
        // The results contract (issue 21, item 3): every summary.json written here, sharded and merged, matches spec/schema/.
        foreach (var dir in shards.Append(Path.Combine(_root, "whole")).Append(Path.Combine(_root, "merged")))
            ResultsContract.AssertSummary(Path.Combine(dir, ExplorationSummary.FileName));
    }

    [Fact]
    public async Task The_report_holds_a_ready_scenario_with_the_truth_as_its_snapshot()
    {
        var summary = ExploreRun.Write(await Explorer().ExploreAsync(3, 40), _root);
        var d = summary.Divergences[0];
        var feature = File.ReadAllText(Path.Combine(_root, d.Scenario));
        Assert.Contains("Scenario: " + ScenarioFiles.ScenarioName, feature);
        Assert.Contains("@ALS-RUN-3", feature);
        Assert.Contains("When the test handler runs", feature);
        var files = ScenarioFiles.FilesOf(d.Scenario).ToList();
        Assert.DoesNotContain("wrong", File.ReadAllText(Path.Combine(_root, files[1])));
        Assert.Contains("wrong", File.ReadAllText(Path.Combine(_root, files[2])));
        var json = File.ReadAllText(Path.Combine(_root, ExplorationSummary.FileName));
        foreach (var field in new[] { "seed", "programs", "discardedUnstable", "timeouts", "crashes", "divergences", "signature", "count", "scenario", "programsPerSecond", "wallSeconds" })
            Assert.Contains($"\"{field}\":", json);
    }

    [Fact]
    public void The_gate_fails_on_an_unlisted_divergence_and_on_a_list_line_without_reason()
    {
        var summary = new ExplorationSummary(1, "reference", 10, [], 10, 0, 0, 0, 0, 0,
            [new SummaryDivergence("wait", 3, "wait.feature", 0), new SummaryDivergence("listener", 1, "listener.feature", 2)], 1, 1);
        var listed = ExpectedDivergences.Parse("# known\nwait | the reference's timers differ (see issue)\n", "list");
        var problem = Assert.Single(ExplorationGate.Problems(summary, listed));
        Assert.Contains("listener", problem);
        Assert.Empty(ExplorationGate.Problems(summary with { Divergences = [summary.Divergences[0]] }, listed));
        Assert.NotEmpty(ExplorationGate.Problems(summary with { Divergences = [], Crashes = 1 }, listed));
        Assert.Throws<FormatException>(() => ExpectedDivergences.Parse("wait |  \n", "list"));
    }

    [Fact]
    public async Task A_result_whose_groups_do_not_match_its_summary_is_refused()
    {
        var result = await Explorer().ExploreAsync(3, 40);
        Assert.NotEmpty(result.Groups);
        Assert.Throws<InvalidOperationException>(() => ExploreRun.Write(result with { Groups = [] }, _root));
        var renamed = result.Summary with { Divergences = [.. result.Summary.Divergences.Select(d => d with { Scenario = "other.feature" })] };
        Assert.Throws<InvalidOperationException>(() => ExploreRun.Write(result with { Summary = renamed }, _root));
    }
}
