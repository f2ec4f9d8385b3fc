using System.Collections.Concurrent;
using Conformance.Harness.Execution;
using Conformance.Harness.Scenarios;
using Conformance.Harness.Targets;

namespace Harness.Tests.Versions;

/// <summary>
/// A run on a target with compatibility dates: dates clamped to the newest the binary's `--version` names, and the scenarios
/// that need a later date or a flag that date leaves off NOT-APPLICABLE, never run and recorded as such.
/// </summary>
public sealed class DatedRunTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private sealed class DatedTarget(string version) : ICompatibilityDatedTarget, ITarget
    {
        public ConcurrentDictionary<string, (string Date, string Flags)> Seen { get; } = new();
        public string Name => "workerd@test";
        public int MaxParallelism => 1;
        public Task<string?> CheckAvailabilityAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);
        public Task<string?> ReadVersionAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(version);

        public Task<TargetRun> RunAsync(ScenarioProgram program, TimeSpan timeout, CancellationToken cancellationToken)
        {
            Seen[program.Id] = (program.CompatibilityDate, string.Join(",", program.CompatibilityFlags));
            return Task.FromResult(new TargetRun(RunStatus.Completed, ["log: 1", "end"], "", TimeSpan.Zero));
        }
    }

    private const string Feature = """
        Feature: Dates
          @documented
          Scenario: default date
            Given the worker program:
              ```js
              console.log(1);
              ```
            When the test handler runs
            Then the trace matches the verified snapshot

          @documented
          Scenario: a later date
            Given the worker program:
              ```js
              console.log(1);
              ```
            And the compatibility date "2026-03-03"
            When the test handler runs
            Then the trace matches the verified snapshot

          @documented @needs-flag:bind_asynclocalstorage_snapshot_to_request
          Scenario: needs the flag
            Given the worker program:
              ```js
              console.log(1);
              ```
            When the test handler runs
            Then the trace matches the verified snapshot
        """;

    private ConformanceRun Create(ITarget target, string? date = null, string[]? flags = null, Func<ConformanceSettings, ConformanceSettings>? adjust = null)
    {
        var features = _temp.File("features");
        Directory.CreateDirectory(Path.Combine(features, "d"));
        File.WriteAllText(Path.Combine(features, "d", "dates.feature"), Feature);
        foreach (var slug in new[] { "default-date", "a-later-date", "needs-the-flag" })
            File.WriteAllText(Path.Combine(features, "d", $"dates.{slug}.verified.txt"), "log: 1\nend\n");
        var settings = new ConformanceSettings
        {
            RepositoryRoot = _temp.Path,
            TargetName = target.Name,
            ReportDirectory = _temp.File("report"),
            FeaturesRoot = features,
            ExpectationsFile = _temp.File("none.txt"),
            CompatibilityDate = date,
            CompatibilityFlags = flags ?? [],
        };
        return new ConformanceRun(adjust?.Invoke(settings) ?? settings, _ => (target, null));
    }

    private static async Task<Dictionary<string, ScenarioStatus>> RunAll(ConformanceRun run)
    {
        var statuses = new Dictionary<string, ScenarioStatus>();
        foreach (var entry in run.Catalog.Entries)
        {
            var outcome = await run.ExecuteAsync(entry);
            run.Record(entry, outcome);
            statuses[entry.Id] = outcome.Status;
        }
        return statuses;
    }

    [Fact]
    public async Task An_old_binary_clamps_the_default_date_and_skips_what_needs_later_as_not_applicable()
    {
        var target = new DatedTarget("workerd 2025-01-09");
        await using var run = Create(target);
        var statuses = await RunAll(run);

        Assert.Equal(ScenarioStatus.Pass, statuses["d/dates/default-date"]);
        Assert.Equal("2025-01-09", target.Seen["d/dates/default-date"].Date);
        Assert.Equal(ScenarioStatus.NotApplicable, statuses["d/dates/a-later-date"]);
        Assert.Equal(ScenarioStatus.NotApplicable, statuses["d/dates/needs-the-flag"]);
        Assert.Single(target.Seen);
        Assert.Equal(2, run.Journal.Results.Count(r => r.Status == "NOT-APPLICABLE" && r.Expected));
        Assert.Contains(run.Notices, n => n.Contains("supports compatibility dates up to 2025-01-09"));
    }

    [Fact]
    public async Task A_versioned_run_says_in_its_summary_which_known_failure_list_judged_it()
    {
        Directory.CreateDirectory(_temp.File("targets/expectations"));
        File.WriteAllText(_temp.File("targets/expectations/workerd.txt"), "");
        var chosen = ConformanceSettings.From(name => name == ConformanceSettings.TargetVariable ? "workerd@1.20250109.0" : null, _temp.Path);
        var target = new DatedTarget("workerd 2025-01-09");
        await using (var run = Create(target, adjust: settings => settings with
        {
            TargetName = chosen.TargetName, ExpectationsFile = chosen.ExpectationsFile, ExpectationsPinTraces = chosen.ExpectationsPinTraces,
            ExpectationsNote = chosen.ExpectationsNote,
        }))
        {
            await RunAll(run);
            run.WriteSummary();
        }
        var summary = File.ReadAllText(Path.Combine(_temp.File("report"), "summary.md"));
        Assert.Contains("> **known failures: targets/expectations/workerd.txt, the workerd list, matched by id and status only " +
            "(no targets/expectations/workerd@1.20250109.0.txt", summary);
    }

    [Fact]
    public async Task A_flag_added_by_name_makes_its_scenario_apply_and_reaches_the_target()
    {
        var target = new DatedTarget("workerd 2025-01-09");
        await using var run = Create(target, flags: ["bind_asynclocalstorage_snapshot_to_request"]);
        var statuses = await RunAll(run);

        Assert.Equal(ScenarioStatus.Pass, statuses["d/dates/needs-the-flag"]);
        Assert.Equal(("2025-01-09", "bind_asynclocalstorage_snapshot_to_request"), target.Seen["d/dates/needs-the-flag"]);
    }

    [Fact]
    public async Task A_new_binary_runs_everything_at_the_override()
    {
        var target = new DatedTarget("workerd 2026-11-17");
        await using var run = Create(target, date: "2025-07-01");
        var statuses = await RunAll(run);

        Assert.Equal(ScenarioStatus.Pass, statuses["d/dates/default-date"]);
        Assert.Equal("2025-07-01", target.Seen["d/dates/default-date"].Date);
        Assert.Equal(ScenarioStatus.NotApplicable, statuses["d/dates/a-later-date"]);
        Assert.Equal(ScenarioStatus.Pass, statuses["d/dates/needs-the-flag"]);
    }
}
