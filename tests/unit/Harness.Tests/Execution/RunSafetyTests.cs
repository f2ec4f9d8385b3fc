using Conformance.Harness.Execution;
using Conformance.Harness.Reports;
using Conformance.Harness.Scenarios;
using Conformance.Harness.Snapshots;
using Conformance.Harness.Targets;

namespace Harness.Tests.Execution;

/// <summary>
/// Issue 18: accept and update are safe (item 6), a cancelled run writes nothing that outlives it (item 1), and the main job
/// itself fails on traceability problems such as orphan verified files (item 8). Each test fails without its guarantee.
/// </summary>
public sealed class RunSafetyTests : IDisposable
{
    private const string Good = "basics/run/run-returns-the-callback-s-value";
    private const string LoadError = "basics/run/a-top-level-throw-is-a-load-error";
    private readonly TempDirectory _temp = new();
    private readonly string _features;

    public RunSafetyTests() => _features = Fixtures.CopyFeaturesTo(_temp);

    public void Dispose() => _temp.Dispose();

    private sealed class Workerd(Func<ScenarioProgram, TargetRun> answer) : ITarget, IVersionedTarget
    {
        public string Name => "workerd";
        public int MaxParallelism => 1;
        public Task<string?> CheckAvailabilityAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);
        public Task<string?> ReadVersionAsync(CancellationToken cancellationToken) => Task.FromResult<string?>("workerd 2026-11-17");
        public Task<TargetRun> RunAsync(ScenarioProgram program, TimeSpan timeout, CancellationToken cancellationToken) => Task.FromResult(answer(program));
    }

    private ConformanceRun Create(ITarget target, bool accept = false, bool update = false, string? expectationsFile = null) =>
        new(new ConformanceSettings
        {
            RepositoryRoot = _temp.Path,
            TargetName = target.Name,
            ReportDirectory = _temp.File("report"),
            FeaturesRoot = _features,
            ExpectationsFile = expectationsFile ?? _temp.File("expectations.txt"),
            Accept = accept,
            UpdateExpectations = update,
        }, _ => (target, null));

    private static async Task<ScenarioOutcome> RunRow(ConformanceRun run, string id)
    {
        var entry = run.Catalog.Find(id)!;
        var outcome = await run.PreCheckAsync(entry) ?? await run.ExecuteAsync(entry);
        run.Record(entry, outcome);
        return outcome;
    }

    private string Verified(string id) => Path.Combine(_features, "basics", "run." + id.Split('/')[^1] + ".verified.txt");

    [Fact]
    public async Task Accept_refuses_a_load_error_for_a_scenario_not_tagged_as_expecting_one()
    {
        var before = File.ReadAllBytes(Verified(Good));
        await using var run = Create(new Workerd(_ => FakeTarget.Completed("load error: SyntaxError", ExitLine.LoadFailed)), accept: true);

        var outcome = await RunRow(run, Good);

        Assert.Equal(ScenarioStatus.Fail, outcome.Status);
        Assert.Contains("accept refused: the trace ends `exit: load failed`", outcome.Detail);
        Assert.Contains("@expects-load-error", outcome.Detail);
        Assert.Equal(before, File.ReadAllBytes(Verified(Good)));
        Assert.False(File.Exists(ProvenanceManifest.PathUnder(_features)));
    }

    [Theory]
    [InlineData("exit: signal SIGINT")]
    [InlineData("exit: code 137")]
    [InlineData("exit: stopped after end")]
    public async Task Accept_refuses_a_trace_the_runtime_did_not_end_normally(string exitLine)
    {
        var before = File.ReadAllBytes(Verified(Good));
        await using var run = Create(new Workerd(_ => FakeTarget.Completed("log: 42", "end", exitLine)), accept: true);

        var outcome = await RunRow(run, Good);

        Assert.Equal(ScenarioStatus.Fail, outcome.Status);
        Assert.Contains("@expects-abnormal-exit", outcome.Detail);
        Assert.Equal(before, File.ReadAllBytes(Verified(Good)));
    }

    [Fact]
    public async Task Accept_writes_a_load_error_for_a_scenario_tagged_as_expecting_one()
    {
        var feature = Path.Combine(_features, "basics", "run.feature");
        File.WriteAllText(feature, File.ReadAllText(feature).Replace("@ALS-RUN-3 @caveat", "@ALS-RUN-3 @caveat @expects-load-error"));
        await using var run = Create(new Workerd(_ => FakeTarget.Completed("load error: RangeError", ExitLine.LoadFailed)), accept: true);

        var outcome = await RunRow(run, LoadError);

        Assert.Equal(ScenarioStatus.Pass, outcome.Status);
        Assert.Equal("load error: RangeError\nexit: load failed\n", File.ReadAllText(Verified(LoadError)));
    }

    [Fact]
    public async Task An_update_that_cannot_write_the_list_fails_the_run()
    {
        File.WriteAllText(_temp.File("blocker"), "a file where the list's folder should be");
        await using var run = Create(new Workerd(_ => FakeTarget.Completed("log: 41", "end", ExitLine.Ok)), update: true,
            expectationsFile: Path.Combine(_temp.File("blocker"), "workerd.txt"));

        await RunRow(run, Good);
        run.WriteSummary();

        var end = RunEnd.Read(run.Settings.ReportDirectory)!;
        Assert.Contains(end.Failures, f => f.Contains("could not be updated", StringComparison.Ordinal));
        Assert.Contains("RUN FAILURE: ", File.ReadAllText(Path.Combine(run.Settings.ReportDirectory, RequirementSummary.FileName)));
    }

    [Fact]
    public async Task An_update_of_a_list_with_bad_lines_fails_the_run()
    {
        var list = _temp.File("expectations.txt");
        File.WriteAllText(list, "this line has no status and no reason\n");
        await using var run = Create(new Workerd(_ => FakeTarget.Completed("log: 42", "end", ExitLine.Ok)), update: true, expectationsFile: list);

        await RunRow(run, Good);
        run.WriteSummary();

        Assert.Contains(RunEnd.Read(run.Settings.ReportDirectory)!.Failures, f => f.Contains("bad line", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_cancelled_run_updates_no_list_and_accepts_no_snapshot_and_says_it_is_incomplete()
    {
        var list = _temp.File("expectations.txt");
        File.WriteAllText(list, "# nothing fails\n");
        var before = File.ReadAllBytes(Verified(Good));
        await using var run = Create(new Workerd(_ => FakeTarget.Completed("log: 41", "end", ExitLine.Ok)), accept: true, update: true, expectationsFile: list);

        run.Cancel("SIGINT");
        var outcome = await RunRow(run, Good);
        run.WriteSummary();

        Assert.Equal(ScenarioStatus.Fail, outcome.Status);
        Assert.Equal(before, File.ReadAllBytes(Verified(Good)));
        Assert.Equal("# nothing fails\n", File.ReadAllText(list));
        Assert.True(RunEnd.Read(run.Settings.ReportDirectory)!.Cancelled);
        Assert.Contains("INCOMPLETE: cancelled by SIGINT after 1 scenario(s)",
            File.ReadAllText(Path.Combine(run.Settings.ReportDirectory, RequirementSummary.FileName)));
    }

    [Fact]
    public async Task An_orphan_verified_file_fails_the_run_and_is_named()
    {
        File.WriteAllText(Path.Combine(_features, "basics", "run.a-scenario-that-was-renamed.verified.txt"), "end\n");
        await using var run = Create(new Workerd(_ => FakeTarget.Completed("log: 42", "end", ExitLine.Ok)));

        await RunRow(run, Good);
        run.WriteSummary();

        var end = RunEnd.Read(run.Settings.ReportDirectory)!;
        Assert.False(end.Cancelled);
        Assert.Contains("traceability: basics/run.a-scenario-that-was-renamed.verified.txt belongs to no scenario (remove it, or restore its scenario)", end.Failures);
        // Without run-conformance.ps1 (`dotnet test`, as .ci/run runs each target), `Conformance.Cli ended` says the same.
        var (exit, output) = Harness.Tests.Reports.CliTool.Run("ended", run.Settings.ReportDirectory);
        Assert.Equal(1, exit);
        Assert.Contains("RUN FAILURE on workerd: traceability: basics/run.a-scenario-that-was-renamed.verified.txt", output);
    }
}
