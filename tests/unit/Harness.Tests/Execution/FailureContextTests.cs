using Conformance.Harness.Execution;
using Conformance.Harness.Reports;
using Conformance.Harness.Targets;

namespace Harness.Tests.Execution;

/// <summary>
/// What the console's failure block needs reaches results.jsonl: the runtime's exit code and standard error on a FAIL (not
/// only on CRASH/TIMEOUT), the scenario's line, a changed failure's own message, and the size of the selection.
/// </summary>
public sealed class FailureContextTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _features;

    public FailureContextTests() => _features = Fixtures.CopyFeaturesTo(_temp);

    public void Dispose() => _temp.Dispose();

    private const string Key = "basics/run/run-returns-the-callback-s-value";

    private ConformanceRun Create(ITarget target, string expectations = "", string? shard = null)
    {
        var expectationsFile = _temp.File("expectations.txt");
        File.WriteAllText(expectationsFile, expectations);
        return new ConformanceRun(new ConformanceSettings
        {
            RepositoryRoot = _temp.Path,
            TargetName = "fake",
            ReportDirectory = _temp.File("report"),
            FeaturesRoot = _features,
            ExpectationsFile = expectationsFile,
            Shard = shard is null ? null : ShardSpec.Parse(shard),
        }, _ => (target, null));
    }

    private static FakeTarget FailingWithStderr() => new(_ => FakeTarget.Completed("log: 41", "end") with
    {
        ExitCode = 1,
        StderrTail = ["Uncaught TypeError: boom", "    at test (main.mjs:1:1)"],
    });

    private static async Task<ScenarioResult> RecordOne(ConformanceRun run)
    {
        var entry = run.Catalog.Find(Key)!;
        run.Record(entry, await run.ExecuteAsync(entry));
        return Assert.Single(ScenarioResult.ReadAll(run.Journal.Path));
    }

    [Fact]
    public async Task A_fail_keeps_the_exit_code_the_standard_error_and_the_line()
    {
        await using var run = Create(FailingWithStderr());
        var result = await RecordOne(run);
        Assert.Equal("FAIL", result.Status);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["Uncaught TypeError: boom", "    at test (main.mjs:1:1)"], result.StderrTail);
        Assert.Equal(run.Catalog.Find(Key)!.Line, result.Line);
        Assert.True(result.Line > 0);
        Assert.Null(result.VerdictMessage); // an unlisted failure's message is its detail
        Assert.Contains("+log: 41", result.Detail);
    }

    [Fact]
    public async Task A_changed_failure_keeps_its_message_with_the_diff_from_the_pinned_trace()
    {
        var id = Key;
        var pinned = Conformance.Harness.Expectations.KnownFailureList.TraceFolderFor(_temp.File("expectations.txt"));
        Directory.CreateDirectory(Path.Combine(pinned, Path.GetDirectoryName(id)!));
        File.WriteAllText(Path.Combine(pinned, id + ".trace.txt"), "log: 40\nend\n");
        var digest = Conformance.Harness.Expectations.TraceDigest.Of(["log: 40", "end"]);
        await using var run = Create(FailingWithStderr(), $"{id} | FAIL {digest} | pinned from an older run\n");
        var result = await RecordOne(run);
        Assert.Equal("ChangedFailure", result.Verdict);
        Assert.NotNull(result.VerdictMessage);
        Assert.StartsWith("changed failure: ", result.VerdictMessage);
        Assert.Contains("-log: 40", result.VerdictMessage);
        Assert.Contains("+log: 41", result.VerdictMessage);
        Assert.Contains("changed failure", ConsoleReport.Block(result));
        Assert.Contains("diff (pinned failing trace against this run):", ConsoleReport.Block(result));
    }

    [Fact]
    public async Task Prefetch_writes_the_size_of_the_selection_in_this_shard()
    {
        await using var run = Create(new FakeTarget(_ => FakeTarget.Completed("end")), shard: "1/2");
        var keys = run.Catalog.Entries.Select(e => e.Key).ToArray();
        run.Prefetch(keys);
        var selected = File.ReadAllText(Path.Combine(run.Settings.ReportDirectory, ResultsJournal.SelectedFileName)).Trim();
        Assert.Equal(run.Catalog.Entries.Count(run.InShard).ToString(), selected);
        Assert.True(int.Parse(selected) < keys.Length, "the shard leaves some rows out");
    }

    [Fact]
    public void The_new_fields_survive_a_round_trip_and_empty_ones_stay_out_of_the_line()
    {
        var result = new ScenarioResult
        {
            Id = "a", Feature = "f.feature", Line = 7, Name = "a", Target = "node", Status = "FAIL", Verdict = "ChangedFailure",
            ExitCode = 3, StderrTail = ["x"], VerdictMessage = "changed failure: y",
        };
        var back = ScenarioResult.FromJsonLine(result.ToJsonLine());
        Assert.Equal((7, 3, "changed failure: y"), (back.Line, back.ExitCode, back.VerdictMessage));
        Assert.Equal(["x"], back.StderrTail);
        var line = (result with { ExitCode = null, VerdictMessage = null }).ToJsonLine();
        Assert.DoesNotContain("exitCode", line);
        Assert.DoesNotContain("verdictMessage", line);
    }
}
