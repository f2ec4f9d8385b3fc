using Conformance.Harness.Execution;
using Conformance.Harness.Releases;
using Conformance.Harness.Reports;
using Conformance.Harness.Scenarios;
using Conformance.Harness.Targets.Versions;

namespace Harness.Tests.Releases;

/// <summary>
/// The watch against a named release (<c>--since</c>, issue 22: "what changed between these two releases") on recorded runs, no npm:
/// Fixtures/watch/since holds rows of the 2026-12-06 runs of workerd 1.20261117.1 and 1.20261201.1, bun 1.4.4 and 1.4.5 (the whole
/// suite's rows for the scenarios kept here). Also the exit code policy: a status change before a trace-only change.
/// </summary>
public sealed class WatchBaselineTests
{
    private static readonly IReadOnlyList<PinnedTarget> Pins =
    [
        Pin("workerd", "workerd@1.20261201.1"), Pin("node22", "node@22.23.5"), Pin("node26", "node@26.10.0"), Pin("bun", "bun@1.4.5"),
    ];

    private static PinnedTarget Pin(string name, string target) => new(name, RuntimeVersion.TryParse(target, out _)!);

    private static IReadOnlyList<ScenarioResult> Run(string release) =>
        ScenarioResult.ReadAll(Path.Combine(RepositoryRoot.Find(), "tests", "unit", "Harness.Tests", "Releases", "Fixtures", "watch", "since", release + ".jsonl"));

    [Fact]
    public void A_since_value_names_the_baseline_and_the_pinned_target_of_its_line()
    {
        var baselines = WatchBaseline.Parse(["workerd@1.20261117.1,bun@1.4.4..1.4.5", "node@26.10.0"], Pins, out var problem);
        Assert.Null(problem);
        Assert.NotNull(baselines);
        Assert.Equal([("workerd", "workerd@1.20261117.1", null), ("bun", "bun@1.4.4", "1.4.5"), ("node26", "node@26.10.0", null)],
            baselines.Select(b => (b.Pin.Name, b.Baseline.TargetName, b.Release)));
        Assert.Equal("1.20261201.1", baselines[0].ReleaseFrom(["1.20261110.1", "1.20261117.1", "1.20261201.1", "1.20261129.1"]));
        Assert.Equal("1.4.5", baselines[1].ReleaseFrom(["1.4.4", "1.4.5", "1.4.6"])); // the named release, not the newest
        Assert.Null(baselines[2].ReleaseFrom(["26.10.0", "27.0.0"])); // nothing newer of its line
    }

    [Theory]
    [InlineData("node@21.0.0", "no pinned target is of its line")]
    [InlineData("nodejs@26.10.0", "write <runtime>@<release>")]
    [InlineData("bun@1.4.5..1.4.4", "bun@1.4.5..1.4.4")]
    [InlineData("node@22.1.0..26.12.1", "both releases must be of one line")]
    [InlineData("bun@1.4.3,bun@1.4.4", "two baselines for bun")]
    public void A_since_value_that_names_no_comparable_release_is_a_precise_usage_error(string value, string expected)
    {
        Assert.Null(WatchBaseline.Parse([value], Pins, out var problem));
        Assert.Contains(expected, problem);
        Assert.StartsWith("--since", problem);
    }

    [Fact]
    public void Workerd_1_20261201_1_since_1_20261117_1_is_the_one_messageport_scenario_with_its_diff()
    {
        var changes = ReleaseWatch.CompareRuns(Run("workerd@1.20261117.1"), Run("workerd@1.20261201.1"), "workerd@1.20261117.1", _ => null);
        var change = Assert.Single(changes);
        Assert.Equal(("matrix/cross-cutting-this/the-this-of-messageport-onmessage", WatchChangeKind.NewPass), (change.ScenarioId, change.Kind));
        Assert.Contains("-log: \"this of MessagePort onmessage\" \"globalThis\" \"object\" \"a\"", change.Diff);
        Assert.Contains("+log: \"this of MessagePort onmessage\" \"the expected object\" \"object\" \"a\"", change.Diff);
        Assert.Contains("--- workerd@1.20261117.1", change.Diff);
        var finding = new FlagFinding(FlagFindingKind.Flag, [new("set_event_target_this", "no_set_event_target_this", "2025-08-01")], null, ["off set_event_target_this"]);
        var verdict = new WatchVerdict(Pins[0], "1.20261201.1", "2026-11-17", [change with { Finding = finding }], 7) { Baseline = "workerd@1.20261117.1" };
        var lines = verdict.Lines().ToList();
        Assert.Equal("workerd (since workerd@1.20261117.1): workerd@1.20261201.1, compatibility date 2026-11-17: 1 of 7 scenarios changed status: " +
            "0 new failures, 1 new passes, 0 changed failures; 0 known-failure traces changed", lines[0]);
        Assert.Equal("    flag finding: governed by flag set_event_target_this (enable date 2025-08-01; off with no_set_event_target_this): " +
            "with it off the new release gives the baseline's outcome (1 run)", lines[2]);
    }

    [Fact]
    public void Bun_1_4_5_since_1_4_4_has_the_same_results_failures_and_traces_alike()
    {
        var baseline = Run("bun@1.4.4");
        Assert.Contains(baseline, r => r.Status == "FAIL");
        Assert.Empty(ReleaseWatch.CompareRuns(baseline, Run("bun@1.4.5"), "bun@1.4.4", _ => null));
        var changed = Run("bun@1.4.5").Select(r => r.Status == "FAIL" ? r with { TraceHash = "sha256:" + new string('0', 64) } : r).ToList();
        Assert.All(ReleaseWatch.CompareRuns(baseline, changed, "bun@1.4.4", _ => null), c => Assert.Equal(WatchChangeKind.ChangedTrace, c.Kind));
    }

    [Fact]
    public void Only_known_failure_traces_changed_reads_same_statuses_and_exits_3_and_a_status_change_wins_with_1()
    {
        var trace = new WatchChange("surface/stubs/asyncwrapproviders", WatchChangeKind.ChangedTrace, new("FAIL", "786b03acae06"), new("FAIL", "8ad0d5e11eab"), "");
        var node26 = new WatchVerdict(Pins[2], "26.12.1", null, [trace, trace, trace], 1170);
        Assert.Equal("node26 (pin node@26.10.0): node@26.12.1: same statuses as the pin (1170 scenarios); 3 known-failure traces changed", node26.Lines().First());
        var same = new WatchVerdict(Pins[3], "1.4.5", null, [], 1170) { Baseline = "bun@1.4.4" };
        Assert.Equal(["bun (since bun@1.4.4): bun@1.4.5: same results as bun@1.4.4 (1170 scenarios)"], same.Lines());
        Assert.Equal(0, ReleaseWatch.ExitCode([same]));
        Assert.Equal(3, ReleaseWatch.ExitCode([same, node26]));
        var status = new WatchChange("a/b", WatchChangeKind.NewFailure, new("PASS", null), new("FAIL", "000000000000"), "");
        Assert.Equal(1, ReleaseWatch.ExitCode([same, node26, new WatchVerdict(Pins[0], "1.20261201.1", "2026-11-17", [status], 2)]));
    }

    [Theory]
    [InlineData("1.20261201.1", "2026-11-17", "2026-11-17")]
    [InlineData("1.20250109.0", "2026-11-17", "2025-01-09")] // an older binary's newest date (CD-2)
    public void A_workerd_release_runs_at_the_asked_date_clamped_to_its_own(string release, string asked, string expected) =>
        Assert.Equal(expected, ReleaseWatch.WorkerdRunDate(release, asked));

    [Fact]
    public void A_probes_filter_selects_its_one_scenario_in_vstest_grammar_whatever_its_id_holds()
    {
        Assert.Equal("ScenarioId=matrix/cross-cutting-this/the-this-of-messageport-onmessage",
            ReleaseWatch.ScenarioFilter("matrix/cross-cutting-this/the-this-of-messageport-onmessage"));
        Assert.Null(TestFilterSyntax.Problem(ReleaseWatch.ScenarioFilter("a/(b)&c|d=e!f~g,h\\i")));
        Assert.NotNull(TestFilterSyntax.Problem("ScenarioId=a/(b)&c|d=e"));
    }
}
