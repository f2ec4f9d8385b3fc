using Conformance.Harness.Expectations;
using Conformance.Harness.Releases;
using Conformance.Harness.Reports;
using Conformance.Harness.Scenarios;
using Conformance.Harness.Targets.Versions;

namespace Harness.Tests.Releases;

/// <summary>
/// The release watch's verdict (issue 22, item 1) on recorded results, no npm and no run: Fixtures/watch/node26 is node 26.12.1's
/// run (2026-12-06) of a few scenarios against node26's list as it was pinned on 26.10.0; Fixtures/watch/workerd is workerd
/// 1.20261201.1's run against the snapshots workerd 1.20261117.1 printed.
/// </summary>
public sealed class ReleaseWatchTests
{
    private static string Fixture(string path) => Path.Combine(RepositoryRoot.Find(), "tests", "unit", "Harness.Tests", "Releases", "Fixtures", "watch", path);

    private static PinnedTarget Pin(string name, string target) => new(name, RuntimeVersion.TryParse(target, out _)!);

    private static readonly string[] OldOnmessageSnapshot =
        ["log: \"this of MessagePort onmessage\" \"globalThis\" \"object\" \"a\"", "log: \"test\" undefined", "end", "exit: ok"];

    [Fact]
    public void Node_26_12_1_changed_three_failing_traces_apart_from_the_pass_the_workerd_move_made()
    {
        var changes = ReleaseWatch.Compare(KnownFailureList.Load(Fixture("node26/node26.txt")),
            ScenarioResult.ReadAll(Fixture("node26/results.jsonl")), _ => null);
        Assert.Equal(
        [
            ("matrix/cross-cutting-this/the-this-of-messageport-onmessage", WatchChangeKind.NewPass),
            ("surface/exports/export-asyncwrapproviders", WatchChangeKind.ChangedTrace),
            ("surface/stubs/asyncwrapproviders", WatchChangeKind.ChangedTrace),
            ("surface/stubs/asyncwrapproviders-as-json", WatchChangeKind.ChangedTrace),
        ], changes.Select(c => (c.ScenarioId, c.Kind)));
        var stubs = changes.Single(c => c.ScenarioId == "surface/stubs/asyncwrapproviders");
        Assert.Equal(("FAIL 786b03acae06", "FAIL 8ad0d5e11eab"), (stubs.Before.ToString(), stubs.After.ToString()));
        Assert.Contains("\"JSUDPWRAP\"", stubs.Diff.Split('\n').Single(l => l.StartsWith("-log:")));
        Assert.DoesNotContain("\"JSUDPWRAP\"", stubs.Diff.Split('\n').Single(l => l.StartsWith("+log:")));
    }

    [Fact]
    public void Workerd_1_20261201_1_has_one_new_failure_with_the_diff_from_the_snapshot()
    {
        var rows = ScenarioResult.ReadAll(Fixture("workerd/results.jsonl"));
        var change = Assert.Single(ReleaseWatch.Compare(KnownFailureList.Parse("workerd.txt", []), rows,
            row => row.Id.EndsWith("the-this-of-messageport-onmessage", StringComparison.Ordinal) ? OldOnmessageSnapshot : null));
        Assert.Equal(WatchChangeKind.NewFailure, change.Kind);
        Assert.Equal(("PASS", "FAIL a597d495a5ae"), (change.Before.ToString(), change.After.ToString()));
        Assert.Contains("-log: \"this of MessagePort onmessage\" \"globalThis\" \"object\" \"a\"", change.Diff);
        Assert.Contains("+log: \"this of MessagePort onmessage\" \"the expected object\" \"object\" \"a\"", change.Diff);

        var verdict = new WatchVerdict(Pin("workerd", "workerd@1.20261117.1"), "1.20261201.1", "2026-11-17", [change], 2);
        Assert.True(verdict.StatusChanged);
        Assert.Equal("workerd (pin workerd@1.20261117.1): workerd@1.20261201.1, compatibility date 2026-11-17: 1 of 2 scenarios changed status: " +
            "1 new failures, 0 new passes, 0 changed failures; 0 known-failure traces changed", verdict.Lines().First());
        Assert.Equal(1, ReleaseWatch.ExitCode([verdict, WatchVerdict.NoNewerRelease(Pin("bun", "bun@1.4.5"))]));
    }

    [Fact]
    public void The_same_results_as_the_pin_is_one_line_and_exit_code_0()
    {
        var rows = ScenarioResult.ReadAll(Fixture("node26/results.jsonl")).Where(r => !r.Id.StartsWith("surface/", StringComparison.Ordinal)
            && !r.Id.Contains("messageport", StringComparison.Ordinal)).ToList();
        Assert.Empty(ReleaseWatch.Compare(KnownFailureList.Load(Fixture("node26/node26.txt")), rows, _ => null));
        var verdict = new WatchVerdict(Pin("bun", "bun@1.4.4"), "1.4.5", null, [], 1170) { Newer = ["1.4.5"] };
        Assert.Equal(["bun (pin bun@1.4.4): bun@1.4.5: same results as the pin (1170 scenarios)"], verdict.Lines());
        Assert.Equal(0, ReleaseWatch.ExitCode([verdict, WatchVerdict.NoNewerRelease(Pin("deno", "deno@2.9.6"))]));
        Assert.Equal(1, ReleaseWatch.ExitCode([WatchVerdict.DidNotRun(Pin("deno", "deno@2.9.6"), "2.9.7", "the install failed")]));
    }

    [Fact]
    public void A_rows_verified_trace_is_its_scenarios_snapshot_under_features()
    {
        var row = ScenarioResult.ReadAll(Fixture("workerd/results.jsonl")).First(r => r.Status == "FAIL");
        var verified = ReleaseWatch.VerifiedOf(Path.Combine(RepositoryRoot.Find(), "features"), row);
        Assert.NotNull(verified);
        Assert.Equal("log: \"this of MessagePort onmessage\" \"the expected object\" \"object\" \"a\"", verified[0]);
        Assert.Null(ReleaseWatch.VerifiedOf(Path.Combine(RepositoryRoot.Find(), "features"), row with { Id = row.Id + "-none" }));
    }

    [Theory]
    [InlineData("node26", "node@26.10.0", "20.20.2,26.9.0,26.10.0,26.11.0,26.12.1,27.0.0,28.1.0", "26.12.1")] // its major, not 27 or 28
    [InlineData("node", "node@20.20.2", "20.20.1,20.20.2,20.20.3,26.12.1", "20.20.3")]
    [InlineData("workerd", "workerd@1.20261117.1", "1.20261110.1,1.20261117.1,1.20261124.1,1.20261201.1", "1.20261201.1")] // one line
    [InlineData("bun", "bun@1.4.5", "1.4.4,1.4.5,1.5.0-canary.3", null)] // nothing newer: a pre-release does not count
    public void The_release_run_is_the_newest_of_the_pins_line(string name, string pin, string published, string? expected)
    {
        var newer = ReleaseWatch.NewerOfLine(Pin(name, pin), published.Split(','));
        Assert.Equal(expected, newer.Count == 0 ? null : newer[^1]);
        Assert.All(newer, v => Assert.True(VersionOrder.Instance.Compare(v, pin.Split('@')[1]) > 0));
    }
}
