using Conformance.Harness.Releases;

namespace Harness.Tests.Releases;

/// <summary>Bisect over fake releases: fixed outcomes per release, no download, no runtime.</summary>
public sealed class BisectorTests
{
    private static readonly ObservedOutcome Pass = new("PASS", "aaaaaaaaaaaa");
    private static readonly ObservedOutcome FailA = new("FAIL", "0123456789ab");
    private static readonly ObservedOutcome FailB = new("FAIL", "ba9876543210");

    /// <summary>Outcomes of scenario "s" per release; releases in <paramref name="dead"/> would not start. Counts runs per release.</summary>
    private sealed class FakeRunner(Func<int, ObservedOutcome> outcomeAt, params int[] dead) : IReleaseRunner
    {
        public Dictionary<string, int> Runs { get; } = [];

        public Task<ReleaseRun> RunAsync(string release, CancellationToken cancellationToken)
        {
            Runs[release] = Runs.GetValueOrDefault(release) + 1;
            var index = int.Parse(release.Split('.')[2]);
            return Task.FromResult(dead.Contains(index)
                ? ReleaseRun.WouldNotStart(release, "exit code 127")
                : new ReleaseRun(release, new Dictionary<string, ObservedOutcome> { ["s"] = outcomeAt(index), ["steady"] = Pass }, null));
        }
    }

    private static IReadOnlyList<string> Releases(int count) => [.. Enumerable.Range(0, count).Select(i => $"1.0.{i}")];

    private static async Task<(BisectReport Report, FakeRunner Runner)> Bisect(int count, Func<int, ObservedOutcome> outcomeAt, params int[] dead)
    {
        var runner = new FakeRunner(outcomeAt, dead);
        var report = await new Bisector(Releases(count), runner).RunAsync(["s"], CancellationToken.None);
        return (report, runner);
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(3, 1)]
    [InlineData(64, 37)]
    [InlineData(100, 1)]
    [InlineData(100, 99)]
    [InlineData(1000, 613)]
    public async Task A_single_change_is_found_in_about_log2_steps(int count, int change)
    {
        var (report, runner) = await Bisect(count, i => i < change ? FailA : Pass);
        var s = Assert.Single(report.Scenarios);
        Assert.Equal(BisectFinding.Changed, s.Finding);
        Assert.Equal($"1.0.{change}", s.ChangedAt);
        Assert.Equal($"1.0.{change - 1}", s.LastBefore);
        Assert.StartsWith($"s: passes from 1.0.{change} ", s.Headline);
        var log2 = (int)Math.Ceiling(Math.Log2(count - 1));
        Assert.InRange(s.Steps.Count, 0, log2);
        Assert.Equal(s.Steps.Count + 2, runner.Runs.Count);
        Assert.All(runner.Runs.Values, n => Assert.Equal(1, n));
        Assert.Equal(0, report.ExitCode);
    }

    [Fact]
    public void The_headline_says_fails_from_or_changes_from_by_the_ends_statuses()
    {
        ScenarioBisect Changed(ObservedOutcome before, ObservedOutcome after) =>
            new("s", BisectFinding.Changed, "1.0.0", "1.0.9", before, after, "1.0.4", "1.0.3", []);
        Assert.StartsWith("s: fails from 1.0.4 (1.0.3: PASS; 1.0.4: FAIL 0123456789ab)", Changed(Pass, FailA).Headline);
        Assert.StartsWith("s: passes from 1.0.4", Changed(FailA, Pass).Headline);
        Assert.StartsWith("s: changes from 1.0.4 (1.0.3: FAIL 0123456789ab; 1.0.4: FAIL ba9876543210)", Changed(FailA, FailB).Headline);
    }

    [Fact]
    public async Task Both_ends_agreeing_is_no_change_without_a_search()
    {
        var (report, runner) = await Bisect(50, _ => Pass);
        var s = Assert.Single(report.Scenarios);
        Assert.Equal(BisectFinding.NoChange, s.Finding);
        Assert.Equal("s: no change in the range: passes on both ends (1.0.0, 1.0.49: PASS)", s.Headline);
        Assert.Empty(s.Steps);
        Assert.Equal(2, runner.Runs.Count);
    }

    [Fact]
    public async Task An_intermediate_outcome_matching_neither_end_is_more_than_one_change()
    {
        var (report, _) = await Bisect(9, i => i < 3 ? Pass : i < 6 ? FailA : FailB);
        var s = Assert.Single(report.Scenarios);
        Assert.Equal(BisectFinding.MultipleChanges, s.Finding);
        Assert.Contains("1.0.4 gives FAIL 0123456789ab, matching neither 1.0.0 (PASS) nor 1.0.8 (FAIL ba9876543210)", s.Headline);
        Assert.Equal(1, report.ExitCode);
    }

    [Fact]
    public async Task A_release_out_of_order_seen_by_another_scenarios_search_is_more_than_one_change()
    {
        // "t" (one change, at 1.0.8) runs 1.0.4, 1.0.6 and 1.0.7 first; "s" fails at 1.0.6, passes again at 1.0.7 and fails at
        // 1.0.8: its own search finds 1.0.6, and 1.0.7, run for "t", contradicts it.
        var runner = new MultiRunner();
        var report = await new Bisector(Releases(9), runner).RunAsync(["t", "s"], CancellationToken.None);
        var s = report.Scenarios.Single(x => x.ScenarioId == "s");
        Assert.Equal(BisectFinding.MultipleChanges, s.Finding);
        Assert.Contains("out of order", s.Headline);
    }

    private sealed class MultiRunner : IReleaseRunner
    {
        public Task<ReleaseRun> RunAsync(string release, CancellationToken cancellationToken)
        {
            var i = int.Parse(release.Split('.')[2]);
            var s = i == 6 || i == 8 ? FailA : Pass;
            var t = i < 8 ? Pass : FailB;
            return Task.FromResult(new ReleaseRun(release, new Dictionary<string, ObservedOutcome> { ["s"] = s, ["t"] = t }, null));
        }
    }

    [Fact]
    public async Task Both_ends_agreeing_with_another_outcome_between_is_more_than_one_change()
    {
        var runner = new MultiRunner();
        // "t" probes the middle; "u" passes on both ends but its middle release (1.0.4) gives FAIL.
        var report = await new Bisector(Releases(9), new Wrapped(runner)).RunAsync(["t", "u"], CancellationToken.None);
        var u = report.Scenarios.Single(x => x.ScenarioId == "u");
        Assert.Equal(BisectFinding.MultipleChanges, u.Finding);
        Assert.Contains("a change that was undone", u.Headline);
    }

    private sealed class Wrapped(IReleaseRunner inner) : IReleaseRunner
    {
        public async Task<ReleaseRun> RunAsync(string release, CancellationToken cancellationToken)
        {
            var run = await inner.RunAsync(release, cancellationToken);
            var outcomes = new Dictionary<string, ObservedOutcome>(run.Outcomes!) { ["u"] = release == "1.0.4" ? FailA : Pass };
            return run with { Outcomes = outcomes };
        }
    }

    [Fact]
    public async Task A_middle_release_that_will_not_start_is_skipped_and_a_neighbour_tried()
    {
        var (report, runner) = await Bisect(9, i => i < 6 ? FailA : Pass, 4);
        var s = Assert.Single(report.Scenarios);
        Assert.Equal(BisectFinding.Changed, s.Finding);
        Assert.Equal("1.0.6", s.ChangedAt);
        Assert.Contains(s.Steps, st => st.Release == "1.0.4" && st.Seen is null && st.Note.Contains("would not start (exit code 127)"));
        Assert.Equal(1, runner.Runs["1.0.4"]);
    }

    [Fact]
    public async Task An_end_that_will_not_start_is_skipped_and_said()
    {
        var (report, _) = await Bisect(9, i => i < 3 ? FailA : Pass, 0, 8);
        Assert.Contains(report.Notes, n => n.StartsWith("1.0.0 would not start (exit code 127): skipped; trying 1.0.1"));
        Assert.Contains(report.Notes, n => n.StartsWith("1.0.8 would not start"));
        var s = Assert.Single(report.Scenarios);
        Assert.Equal(("1.0.1", "1.0.7", "1.0.3"), (s.First, s.Last, s.ChangedAt));
    }

    [Fact]
    public async Task A_gap_of_releases_that_will_not_start_leaves_the_change_unresolved()
    {
        var (report, _) = await Bisect(6, i => i < 4 ? FailA : Pass, 2, 3);
        var s = Assert.Single(report.Scenarios);
        Assert.Equal(BisectFinding.Unresolved, s.Finding);
        Assert.Equal(("1.0.1", "1.0.4"), (s.LastBefore, s.ChangedAt));
        Assert.Contains("no release between them would start (1.0.2, 1.0.3)", s.Headline);
        Assert.Equal(1, report.ExitCode);
    }

    [Fact]
    public async Task No_release_starting_is_a_problem_with_exit_code_3()
    {
        var (report, _) = await Bisect(3, _ => Pass, 0, 1, 2);
        Assert.Equal("no release in the range would start", report.Problem);
        Assert.Equal(3, report.ExitCode);
        Assert.Contains(report.Lines(), l => l == "bisect: no release in the range would start");
    }

    [Fact]
    public async Task Without_a_scenario_list_every_scenario_of_the_ends_is_bisected_sharing_the_runs()
    {
        var runner = new FakeRunner(i => i < 5 ? Pass : FailA);
        var report = await new Bisector(Releases(17), runner).RunAsync(null, CancellationToken.None);
        Assert.Equal(["s", "steady"], report.Scenarios.Select(s => s.ScenarioId));
        Assert.Equal(BisectFinding.NoChange, report.Scenarios[1].Finding);
        Assert.All(runner.Runs.Values, n => Assert.Equal(1, n));
        Assert.Contains("s: fails from 1.0.5 (1.0.4: PASS; 1.0.5: FAIL 0123456789ab)", report.Lines());
    }
}
