using Conformance.Harness.Reports;
using Harness.Tests.Reports;

namespace Harness.Tests.Merge;

/// <summary>
/// <c>Conformance.Cli merge</c> (issue 21, item 2): three shards of a run merged are the unsharded run, row for row; a missing,
/// unfinished, overlapping or mixed-up shard is one precise message, exit 2, and nothing written.
/// </summary>
public sealed class ShardMergeTests(ShardRunFixture run) : IClassFixture<ShardRunFixture>
{
    private string NewOut() => Path.Combine(run.Root, "merged-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public void Three_shards_merged_are_the_whole_run()
    {
        var output = NewOut();
        var (exit, text) = CliTool.Run(["merge", "--out", output, .. run.ShardFolders]);
        Assert.True(exit == 0, text);

        var merged = Path.Combine(output, "reference");
        var whole = ScenarioResult.ReadAll(Path.Combine(run.Whole, ResultsJournal.FileName)).ToDictionary(r => r.Key!);
        var joined = ScenarioResult.ReadAll(Path.Combine(merged, ResultsJournal.FileName));
        Assert.Equal(run.Selection.Select(e => e.Key), joined.Select(r => r.Key!));
        Assert.All(run.ShardFolders, f => Assert.InRange(ScenarioResult.ReadAll(Path.Combine(f, ResultsJournal.FileName)).Count, 1, joined.Count - 1));
        foreach (var row in joined)
        {
            var expected = whole[row.Key!];
            Assert.Equal((expected.Status, expected.Verdict, expected.Expected, expected.TraceHash), (row.Status, row.Verdict, row.Expected, row.TraceHash));
            Assert.Equal(expected.Trace, row.Trace);
        }
        Assert.Equal(File.ReadAllText(Path.Combine(run.Whole, RequirementSummary.FileName)), File.ReadAllText(Path.Combine(merged, RequirementSummary.FileName)));
        Assert.Equal(File.ReadAllText(Path.Combine(run.Whole, ResultsJournal.SelectedFileName)), File.ReadAllText(Path.Combine(merged, ResultsJournal.SelectedFileName)));
        Assert.Equal(0, CliTool.Run("ended", merged).Exit);
        foreach (var folder in run.ShardFolders.Append(run.Whole).Append(merged)) Schema.ResultsContract.AssertResults(Path.Combine(folder, ResultsJournal.FileName));
        var index = File.ReadAllText(Path.Combine(output, "index.html"));
        var contract = Assert.Single(Harness.Tests.Site.DomText.Hrefs(index), h => h.EndsWith(Schema.ResultsContract.RowSchema, StringComparison.Ordinal));
        Assert.True(File.Exists(Path.GetFullPath(Path.Combine(output, contract))), $"the site's results-contract link {contract} lands on no file");
    }

    [Fact]
    public void A_missing_shard_is_named()
    {
        Refused($"reference: missing shard(s) 2/{ShardRunFixture.Shards}", run.ShardFolder(1), run.ShardFolder(3));
    }

    [Fact]
    public void A_shard_that_did_not_reach_its_end_is_refused()
    {
        var broken = CopyOf(run.ShardFolder(2), "unfinished");
        File.Delete(Path.Combine(broken, RunEnd.FileName));
        Refused($"{broken}: the shard's run did not reach its end", run.ShardFolder(1), broken, run.ShardFolder(3));
    }

    [Fact]
    public void A_row_in_two_shards_with_different_results_is_an_overlap()
    {
        var other = CopyOf(run.ShardFolder(2), "overlap");
        var stolen = ScenarioResult.ReadAll(Path.Combine(run.ShardFolder(1), ResultsJournal.FileName))[0];
        var changed = stolen with { Status = stolen.Status == "PASS" ? "FAIL" : "PASS" };
        File.AppendAllText(Path.Combine(other, ResultsJournal.FileName), changed.ToJsonLine() + "\n");
        Refused($"reference: overlapping shards: the row {stolen.Key} is {stolen.Status}", run.ShardFolder(1), other, run.ShardFolder(3));
    }

    [Fact]
    public void Two_targets_folders_mixed_up_are_refused()
    {
        var mixed = CopyOf(run.ShardFolder(3), "mixed");
        var path = Path.Combine(mixed, ResultsJournal.FileName);
        var rows = ScenarioResult.ReadAll(path);
        File.WriteAllText(path, string.Concat(rows.Select((r, i) => (i == 0 ? r with { Target = "node" } : r).ToJsonLine() + "\n")));
        Refused($"is of target node, but the run was on reference ({RunEnd.FileName}): two targets' folders are mixed up", run.ShardFolder(1), run.ShardFolder(2), mixed);
    }

    [Fact]
    public void Received_files_of_every_shard_are_copied()
    {
        var withReceived = CopyOf(run.ShardFolder(2), "received");
        var relative = Path.Combine(Conformance.Harness.Snapshots.SnapshotStore.ReceivedFolder, "area", "x.received.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(withReceived, relative))!);
        File.WriteAllText(Path.Combine(withReceived, relative), "log: 1\n");
        var output = NewOut();
        var (exit, text) = CliTool.Run("merge", "--out", output, run.ShardFolder(1), withReceived, run.ShardFolder(3));
        Assert.True(exit == 0, text);
        Assert.Equal("log: 1\n", File.ReadAllText(Path.Combine(output, "reference", relative)));
    }

    /// <summary>docs/ci/github-actions.yml runs the commands this class checks: sharded runs into reports/&lt;target&gt;, then this merge.</summary>
    [Fact]
    public void The_ready_workflow_shards_and_merges_as_this_test_does()
    {
        var workflow = File.ReadAllText(Path.Combine(Conformance.Harness.Scenarios.RepositoryRoot.Find(), "docs", "ci", "github-actions.yml"));
        Assert.Contains("./run-conformance.ps1 -Target ${{ matrix.target }} -Shard ${{ matrix.shard }}/", workflow);
        Assert.Contains("path: reports/${{ matrix.target }}", workflow);
        Assert.Contains("dotnet run --project tests/Conformance.Cli -- merge --out reports shards/shard-*", workflow);
    }

    [Fact]
    public void Selected_counts_that_do_not_add_up_are_refused()
    {
        var short_ = CopyOf(run.ShardFolder(2), "short");
        var selected = int.Parse(File.ReadAllText(Path.Combine(short_, ResultsJournal.SelectedFileName)).Trim());
        File.WriteAllText(Path.Combine(short_, ResultsJournal.SelectedFileName), $"{selected - 1}\n");
        Refused($"but the whole selection is {ShardRunFixture.SelectionSize} rows", run.ShardFolder(1), short_, run.ShardFolder(3));
    }

    /// <summary>The merge of <paramref name="folders"/> exits 2 with <paramref name="message"/> and writes nothing.</summary>
    private void Refused(string message, params string[] folders)
    {
        var output = NewOut();
        var (exit, text) = CliTool.Run(["merge", "--out", output, .. folders]);
        Assert.True(exit == 2, $"exit {exit}: {text}");
        Assert.Contains(message, text);
        Assert.False(Directory.Exists(output));
    }

    private string CopyOf(string folder, string name)
    {
        var copy = Path.Combine(run.Root, name + "-" + Guid.NewGuid().ToString("N")[..8], "reference");
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(folder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return copy;
    }
}
