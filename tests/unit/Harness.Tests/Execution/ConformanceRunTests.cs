using Conformance.Harness.Execution;
using Conformance.Harness.Expectations;
using Conformance.Harness.Reports;
using Conformance.Harness.Targets;

namespace Harness.Tests.Execution;

/// <summary>The run pipeline on the fixture features with a fake target: prefetch, snapshots, known failures, reports.</summary>
public sealed class ConformanceRunTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _features;

    public ConformanceRunTests() => _features = Fixtures.CopyFeaturesTo(_temp);

    /// <summary>Every row these runs wrote matches the results contract (spec/schema/, issue 21, item 3).</summary>
    public void Dispose()
    {
        try
        {
            foreach (var results in Directory.EnumerateFiles(_temp.Path, ResultsJournal.FileName, SearchOption.AllDirectories))
                if (new FileInfo(results).Length > 0) Harness.Tests.Schema.ResultsContract.AssertResults(results);
        }
        finally { _temp.Dispose(); }
    }

    private static readonly Dictionary<string, string[]> Traces = new()
    {
        ["basics/run/run-returns-the-callback-s-value"] = ["log: 42", "end", "exit: ok"],
        ["basics/run/the-store-is-visible-inside-a-request"] = ["response #0: 200 /0", "response #1: 200 /1", "response #2: 200 /2", "end", "exit: ok"],
        ["basics/run/a-top-level-throw-is-a-load-error"] = ["log: \"before\"", "load error: TypeError", "exit: load failed"],
    };

    private ConformanceRun Create(ITarget? target, string? expectations = null, string? targetProblem = null, string? shard = null,
        bool allowUnavailable = false, bool update = false)
    {
        var expectationsFile = _temp.File("expectations.txt");
        if (expectations is not null) File.WriteAllText(expectationsFile, expectations);
        var settings = new ConformanceSettings
        {
            RepositoryRoot = _temp.Path,
            TargetName = "fake",
            ReportDirectory = _temp.File("report"),
            FeaturesRoot = _features,
            ExpectationsFile = expectationsFile,
            Shard = shard is null ? null : ShardSpec.Parse(shard),
            AllowUnavailable = allowUnavailable,
            UpdateExpectations = update,
        };
        return new ConformanceRun(settings, _ => (target, targetProblem));
    }

    private static FakeTarget Honest() => new(p => FakeTarget.Completed(Traces[p.Id]));

    [Fact]
    public async Task A_row_is_compiled_once_and_its_prefetched_run_is_the_one_its_test_collects()
    {
        var ran = new System.Collections.Concurrent.ConcurrentBag<Conformance.Harness.Scenarios.ScenarioProgram>();
        var target = new FakeTarget(p => { ran.Add(p); return FakeTarget.Completed(Traces[p.Id]); });
        await using var run = Create(target);
        var entry = run.Catalog.Find("basics/run/run-returns-the-callback-s-value")!;
        var compiled = run.CompiledOf(entry);

        run.Prefetch([entry.Key]);
        var outcome = await run.ExecuteAsync(entry);

        Assert.Same(compiled, run.CompiledOf(entry));
        Assert.Equal(ScenarioStatus.Pass, outcome.Status);
        var program = Assert.Single(ran);
        Assert.Equal(compiled.Program!.Source, program.Source);
    }

    [Fact]
    public async Task Prefetch_runs_only_the_selected_runnable_rows_once_each()
    {
        var target = Honest();
        await using var run = Create(target);
        var selected = new[] { "basics/problems/an-unknown-step", "basics/run/run-returns-the-callback-s-value", "basics/run/a-top-level-throw-is-a-load-error" };

        run.Prefetch(selected);
        foreach (var key in selected.Skip(1))
        {
            var entry = run.Catalog.Find(key)!;
            var outcome = await run.ExecuteAsync(entry);
            Assert.Equal(ScenarioStatus.Pass, outcome.Status);
        }

        Assert.Equal(2, target.Runs.Count);
        Assert.All(target.Runs.Values, count => Assert.Equal(1, count));
        Assert.False(target.Runs.ContainsKey("basics/run/the-store-is-visible-inside-a-request"));
    }

    [Fact]
    public async Task A_differing_trace_fails_with_a_diff_and_a_received_file()
    {
        await using var run = Create(new FakeTarget(_ => FakeTarget.Completed("log: 41", "end")));
        var entry = run.Catalog.Find("basics/run/run-returns-the-callback-s-value")!;

        var outcome = await run.ExecuteAsync(entry);

        Assert.Equal(ScenarioStatus.Fail, outcome.Status);
        Assert.Contains("+log: 41", outcome.Detail);
        Assert.True(File.Exists(Path.Combine(run.Settings.ReportDirectory, "received", "basics", "run.run-returns-the-callback-s-value.received.txt")));
        Assert.True(File.Exists(Path.Combine(run.Settings.ReportDirectory, "received", "basics", "run.run-returns-the-callback-s-value.diff")));
        Assert.False(File.Exists(entry.VerifiedPath.Replace(".verified.txt", ".received.txt")));
    }

    [Theory]
    [InlineData(RunStatus.Timeout, ScenarioStatus.Timeout)]
    [InlineData(RunStatus.Crash, ScenarioStatus.Crash)]
    [InlineData(RunStatus.Error, ScenarioStatus.Error)]
    [InlineData(RunStatus.Unavailable, ScenarioStatus.Skip)]
    public async Task Runs_that_did_not_complete_are_not_compared(RunStatus runStatus, ScenarioStatus expected)
    {
        await using var run = Create(new FakeTarget(_ => new TargetRun(runStatus, ["log: 42"], "why", TimeSpan.Zero)));
        var entry = run.Catalog.Find("basics/run/run-returns-the-callback-s-value")!;

        var outcome = await run.ExecuteAsync(entry);

        Assert.Equal(expected, outcome.Status);
        Assert.False(File.Exists(run.Snapshots.ReceivedPathFor(entry.VerifiedPath)));
    }

    [Fact]
    public async Task An_unknown_target_makes_every_row_an_error_naming_the_known_targets()
    {
        await using var run = Create(null, targetProblem: "unknown target \"x\". Known targets: reference, node");
        var outcome = await run.PreCheckAsync(run.Catalog.Entries.Last());
        Assert.Equal(ScenarioStatus.Error, outcome?.Status);
        Assert.Contains("Known targets: reference, node", outcome?.Detail);
    }

    [Theory]
    [InlineData(false, VerdictKind.Unavailable, false)]
    [InlineData(true, VerdictKind.Skipped, true)]
    public async Task An_unavailable_target_fails_every_row_unless_allowed_and_says_so_in_the_summary(bool allow, VerdictKind kind, bool expected)
    {
        await using var run = Create(new FakeTarget(_ => throw new InvalidOperationException(), unavailable: "npm ci --prefix targets"), allowUnavailable: allow);
        var entry = run.Catalog.Find("basics/run/run-returns-the-callback-s-value")!;

        var outcome = await run.PreCheckAsync(entry);
        var verdict = run.Record(entry, outcome!);
        run.WriteSummary();

        Assert.Equal(ScenarioStatus.Skip, outcome!.Status);
        Assert.Equal(kind, verdict.Kind);
        Assert.Equal(expected, verdict.Expected);
        if (!allow) Assert.Contains("CONFORMANCE_ALLOW_UNAVAILABLE", verdict.Message);
        Assert.Contains("IS UNAVAILABLE", File.ReadAllText(Path.Combine(run.Settings.ReportDirectory, "summary.md")));
    }

    [Fact]
    public async Task A_probe_that_passes_but_a_run_that_reports_unavailable_still_fails_the_row()
    {
        await using var run = Create(new FakeTarget(_ => new TargetRun(RunStatus.Unavailable, [], "binary vanished", TimeSpan.Zero)));
        var entry = run.Catalog.Find("basics/run/run-returns-the-callback-s-value")!;
        var verdict = run.Record(entry, await run.ExecuteAsync(entry));
        Assert.Equal(VerdictKind.Unavailable, verdict.Kind);
    }

    [Fact]
    public async Task A_known_failure_naming_no_scenario_fails_every_row_naming_the_file_and_line()
    {
        await using var run = Create(Honest(), expectations: "# comment\nbasics/run/no-such-scenario | TIMEOUT | stale\n");
        var outcome = await run.PreCheckAsync(run.Catalog.Find("basics/run/run-returns-the-callback-s-value")!);
        Assert.Equal(ScenarioStatus.Error, outcome?.Status);
        Assert.Contains("expectations.txt:2: basics/run/no-such-scenario names no scenario", outcome?.Detail);
    }

    [Fact]
    public async Task An_unpinned_fail_on_a_target_that_pins_traces_is_a_run_problem()
    {
        await using var run = Create(Honest(), expectations: "basics/run/run-returns-the-callback-s-value | FAIL | no digest\n");
        var outcome = await run.PreCheckAsync(run.Catalog.Find("basics/run/a-top-level-throw-is-a-load-error")!);
        Assert.Equal(ScenarioStatus.Error, outcome?.Status);
        Assert.Contains("without its trace digest", outcome?.Detail);
    }

    [Fact]
    public async Task An_update_run_is_not_stopped_by_the_old_list_and_rewrites_it_from_the_judged_rows()
    {
        const string listed = "basics/run/run-returns-the-callback-s-value";
        await using var run = Create(new FakeTarget(p => FakeTarget.Completed(p.Id == listed ? ["log: 41", "end"] : Traces[p.Id])),
            expectations: $"# why\n{listed} | an old-form reason\nbasics/run/the-store-is-visible-inside-a-request | passes now\ngone/x | stale\n", update: true);
        Assert.Empty(run.Problems);
        foreach (var key in new[] { listed, "basics/run/the-store-is-visible-inside-a-request" })
        {
            var entry = run.Catalog.Find(key)!;
            run.Record(entry, await run.OutcomeAsync(entry));
        }
        run.WriteSummary();

        var digest = TraceDigest.Of(["log: 41", "end"]);
        Assert.Equal($"# why\n{listed} | FAIL {digest} | an old-form reason\n", File.ReadAllText(run.Settings.ExpectationsFile));
        Assert.Contains("1 re-pinned, 1 removed", run.UpdateNotice);
        Assert.Empty(KnownFailureList.Load(run.Settings.ExpectationsFile).Problems);
    }

    [Fact]
    public async Task With_a_spec_in_the_repository_a_tag_that_names_no_id_is_an_error_of_its_row()
    {
        Directory.CreateDirectory(_temp.File("spec"));
        File.WriteAllText(_temp.File("spec/requirements.md"), "# Requirements\n\n### ALS-RUN-1 — documented\n> clause\n");
        var target = Honest();
        await using var run = Create(target);
        // The fixture scenario is tagged @ALS-RUN-4 (no such id in this spec) and @ALS-RUN-1.
        var outcome = await run.PreCheckAsync(run.Catalog.Find("basics/run/run-returns-the-callback-s-value")!);
        Assert.Equal(ScenarioStatus.Error, outcome?.Status);
        Assert.Contains("@ALS-RUN-4", outcome?.Detail);
        Assert.Empty(target.Runs);
    }

    [Fact]
    public async Task Row_problems_are_errors_before_anything_runs()
    {
        var target = Honest();
        await using var run = Create(target);
        var outcome = await run.PreCheckAsync(run.Catalog.Find("basics/malformed#parse-error")!);
        Assert.Equal(ScenarioStatus.Error, outcome?.Status);
        Assert.Contains("malformed.feature:5", outcome?.Detail);
        Assert.Empty(target.Runs);
    }

    [Fact]
    public async Task Results_are_journalled_with_the_known_failure_verdict()
    {
        await using var run = Create(new FakeTarget(_ => FakeTarget.Completed("end")),
            expectations: "# comment\nbasics/run/run-returns-the-callback-s-value | TIMEOUT | no getStore yet\n");
        var listed = run.Catalog.Find("basics/run/run-returns-the-callback-s-value")!;
        var unlisted = run.Catalog.Find("basics/run/a-top-level-throw-is-a-load-error")!;

        var expected = run.Record(listed, await run.ExecuteAsync(listed));
        var unexpected = run.Record(unlisted, await run.ExecuteAsync(unlisted));
        run.WriteSummary();

        Assert.Equal(VerdictKind.ChangedFailure, expected.Kind);
        Assert.Equal(VerdictKind.UnexpectedFailure, unexpected.Kind);
        var lines = ScenarioResult.ReadAll(Path.Combine(run.Settings.ReportDirectory, "results.jsonl"));
        Assert.Equal(["FAIL", "FAIL"], lines.Select(l => l.Status));
        Assert.Equal([false, false], lines.Select(l => l.Expected));
        Assert.Equal(["ChangedFailure", "UnexpectedFailure"], lines.Select(l => l.Verdict));
        Assert.Equal(["ALS-RUN-4", "ALS-RUN-1"], lines[0].Requirements);
        Assert.Equal("documented", lines[0].Profile);
        Assert.Equal("fake", lines[0].Target);
        var summary = File.ReadAllText(Path.Combine(run.Settings.ReportDirectory, "summary.md"));
        Assert.Contains("## Unexpected results", summary);
        Assert.Contains("### ALS-RUN-3: 0/1 pass", summary);
    }

    [Fact]
    public async Task A_shard_keeps_only_its_rows()
    {
        await using var run = Create(Honest(), shard: "1/2");
        var inShard = run.Catalog.Entries.Count(run.InShard);
        await using var other = Create(Honest(), shard: "2/2");
        Assert.Equal(run.Catalog.Entries.Count, inShard + other.Catalog.Entries.Count(other.InShard));
        Assert.All(run.Catalog.Entries, e => Assert.NotEqual(run.InShard(e), other.InShard(e)));
    }
}
