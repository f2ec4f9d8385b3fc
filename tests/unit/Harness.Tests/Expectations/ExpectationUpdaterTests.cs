using Conformance.Harness.Execution;
using Conformance.Harness.Expectations;
using Conformance.Harness.Snapshots;

namespace Harness.Tests.Expectations;

/// <summary>-UpdateExpectations: rewrites a list from a run, keeping what people wrote.</summary>
public sealed class ExpectationUpdaterTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static readonly HashSet<string> Catalog = ["a/still-fails", "a/now-passes", "a/new-failure", "a/times-out", "a/not-run", "a/skipped"];

    private string List => _temp.File("t.txt");
    private string TraceOf(string id) => KnownFailureList.TracePath(KnownFailureList.TraceFolderFor(List), id);

    private static JudgedScenario Run(string id, ScenarioStatus status, params string[] trace) => new(id, status, trace);

    private ExpectationUpdateReport Update(params JudgedScenario[] judged) => ExpectationUpdater.Apply(List, judged, Catalog, pinTraces: true);

    [Fact]
    public void Keeps_reasons_and_comments_removes_passes_repins_failures_and_flags_new_ones()
    {
        File.WriteAllText(List, """
            # header comment
            
            # --- section: why these fail ---
            a/still-fails | the old form keeps its reason
            a/now-passes | FAIL 0123456789ab | fixed upstream
            a/times-out | FAIL | it used to fail
            a/not-run | CRASH | not in this run's selection
            a/skipped | TIMEOUT | the target did not run it
            gone/scenario | TIMEOUT | names no scenario
            
            """.Replace("            ", ""));

        var report = Update(
            Run("a/still-fails", ScenarioStatus.Fail, "log: 1", "end"),
            Run("a/now-passes", ScenarioStatus.Pass, "end"),
            Run("a/times-out", ScenarioStatus.Timeout),
            Run("a/new-failure", ScenarioStatus.Fail, "log: 2", "end"),
            Run("a/skipped", ScenarioStatus.Skip));

        var digest1 = TraceDigest.Of(["log: 1", "end"]);
        var digest2 = TraceDigest.Of(["log: 2", "end"]);
        Assert.Equal($"""
            # header comment
            
            # --- section: why these fail ---
            a/still-fails | FAIL {digest1} | the old form keeps its reason
            a/times-out | TIMEOUT | it used to fail
            a/not-run | CRASH | not in this run's selection
            a/skipped | TIMEOUT | the target did not run it
            
            {ExpectationUpdater.AddedSection}
            a/new-failure | FAIL {digest2} | {KnownFailureList.PlaceholderReason}
            
            """.Replace("            ", ""), File.ReadAllText(List));
        Assert.Equal(["log: 1", "end"], TraceText.Read(TraceOf("a/still-fails")));
        Assert.Equal(["log: 2", "end"], TraceText.Read(TraceOf("a/new-failure")));
        Assert.Equal((2, 1, 1, 1), (report.Repinned, report.Removed, report.Added, report.DroppedUnknown));

        var after = KnownFailureList.Load(List);
        Assert.Equal([$"{List}:10: a/new-failure has the placeholder reason; write why it fails"], after.Problems);
    }

    [Fact]
    public void Deletes_trace_files_no_entry_pins_any_more()
    {
        File.WriteAllText(List, "a/still-fails | FAIL | x\na/now-passes | FAIL | y\n");
        Update(Run("a/still-fails", ScenarioStatus.Fail, "one"), Run("a/now-passes", ScenarioStatus.Fail, "two"));
        Assert.True(File.Exists(TraceOf("a/now-passes")));
        var stray = TraceOf("a/never-listed");
        TraceText.Write(stray, ["stray"]);

        var report = Update(Run("a/still-fails", ScenarioStatus.Timeout), Run("a/now-passes", ScenarioStatus.Pass));

        Assert.False(File.Exists(TraceOf("a/now-passes")));
        Assert.False(File.Exists(TraceOf("a/still-fails")));
        Assert.False(File.Exists(stray));
        Assert.Equal(3, report.TraceFilesDeleted);
        Assert.Equal("a/still-fails | TIMEOUT | x\n", File.ReadAllText(List));
        Assert.False(Directory.Exists(KnownFailureList.TraceFolderFor(List)));
    }

    [Fact]
    public void An_unpinned_target_lists_fail_by_status_only_and_keeps_no_trace_file()
    {
        ExpectationUpdater.Apply(List, [Run("a/new-failure", ScenarioStatus.Fail, "x")], Catalog, pinTraces: false);
        Assert.EndsWith($"a/new-failure | FAIL | {KnownFailureList.PlaceholderReason}\n", File.ReadAllText(List));
        Assert.False(Directory.Exists(KnownFailureList.TraceFolderFor(List)));
    }

    [Fact]
    public void A_run_where_everything_passes_leaves_only_the_comments()
    {
        File.WriteAllText(List, "# only comments stay\na/still-fails | FAIL | x\n");
        Update(Run("a/still-fails", ScenarioStatus.Pass));
        Assert.Equal("# only comments stay\n", File.ReadAllText(List));
        Assert.Empty(KnownFailureList.Load(List).Problems);
    }
}
