using Conformance.Harness.Snapshots;

namespace Harness.Tests.Snapshots;

public sealed class SnapshotStoreTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private string Features => _temp.File("features");
    private string Verified => Path.Combine(Features, "area", "f.scenario.verified.txt");
    private string Received => Path.Combine(_temp.Path, "report", "received", "area", "f.scenario.received.txt");
    private string DiffFile => Path.Combine(_temp.Path, "report", "received", "area", "f.scenario.diff");

    public SnapshotStoreTests() => Directory.CreateDirectory(Path.GetDirectoryName(Verified)!);

    public void Dispose() => _temp.Dispose();

    private SnapshotStore Store(bool accept, string report = "report") => new(accept, Features, Path.Combine(_temp.Path, report, "received"));

    private static void WriteStale(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "stale");
    }

    [Fact]
    public void A_matching_trace_passes_and_removes_a_stale_received_file_and_diff()
    {
        File.WriteAllText(Verified, "log: 1\nend\n");
        WriteStale(Received);
        WriteStale(DiffFile);

        var result = Store(accept: false).Check(Verified, ["log: 1", "end"]);

        Assert.Equal(SnapshotVerdict.Matched, result.Verdict);
        Assert.True(result.Agrees);
        Assert.False(File.Exists(Received));
        Assert.False(File.Exists(DiffFile));
    }

    [Fact]
    public void A_differing_trace_writes_received_and_a_unified_diff_under_the_report_folder()
    {
        File.WriteAllText(Verified, "log: 1\nend\n");

        var result = Store(accept: false).Check(Verified, ["log: 2", "end"]);

        Assert.Equal(SnapshotVerdict.Mismatched, result.Verdict);
        Assert.False(result.Agrees);
        Assert.Equal(Received, result.ReceivedPath);
        Assert.Equal("log: 2\nend\n", File.ReadAllText(Received));
        Assert.Equal("log: 1\nend\n", File.ReadAllText(Verified));
        Assert.Contains("-log: 1", result.Diff);
        Assert.Contains("+log: 2", result.Diff);
        Assert.Contains("@@", result.Diff);
        Assert.Contains("+log: 2", File.ReadAllText(DiffFile));
        Assert.Equal([Verified], Directory.GetFiles(Features, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void Two_targets_mismatching_one_verified_file_keep_their_own_received_files()
    {
        File.WriteAllText(Verified, "log: 1\nend\n");

        var first = Store(accept: false, report: "node").Check(Verified, ["log: node", "end"]);
        var second = Store(accept: false, report: "bun").Check(Verified, ["log: bun", "end"]);

        Assert.NotEqual(first.ReceivedPath, second.ReceivedPath);
        Assert.Equal("log: node\nend\n", File.ReadAllText(first.ReceivedPath));
        Assert.Equal("log: bun\nend\n", File.ReadAllText(second.ReceivedPath));
    }

    [Fact]
    public void A_missing_verified_file_fails_and_writes_received_only()
    {
        var result = Store(accept: false).Check(Verified, ["end"]);

        Assert.Equal(SnapshotVerdict.Missing, result.Verdict);
        Assert.False(result.Agrees);
        Assert.False(File.Exists(Verified));
        Assert.Equal("end\n", File.ReadAllText(Received));
    }

    [Fact]
    public void An_empty_verified_file_is_an_empty_trace_not_a_missing_one()
    {
        File.WriteAllText(Verified, "");

        Assert.Equal(SnapshotVerdict.Matched, Store(false).Check(Verified, []).Verdict);
        Assert.Equal(SnapshotVerdict.Mismatched, Store(false).Check(Verified, ["end"]).Verdict);
    }

    [Fact]
    public void A_CRLF_verified_file_matches_and_is_never_rewritten()
    {
        var bytes = "log: 1\r\nend\r\n"u8.ToArray();
        File.WriteAllBytes(Verified, bytes);

        var match = Store(accept: true).Check(Verified, ["log: 1", "end"]);
        Assert.Equal(SnapshotVerdict.Matched, match.Verdict);
        Assert.False(match.Accepted);
        Assert.Equal(bytes, File.ReadAllBytes(Verified));

        Store(accept: false).Check(Verified, ["log: 2", "end"]);
        Assert.Equal(bytes, File.ReadAllBytes(Verified));
    }

    [Fact]
    public void A_verified_file_without_a_final_newline_still_matches()
    {
        File.WriteAllText(Verified, "log: 1\nend");
        Assert.Equal(SnapshotVerdict.Matched, Store(false).Check(Verified, ["log: 1", "end"]).Verdict);
    }

    [Fact]
    public void Accept_writes_verified_for_a_mismatch_and_removes_received()
    {
        File.WriteAllText(Verified, "log: 1\nend\n");
        WriteStale(Received);
        WriteStale(DiffFile);

        var result = Store(accept: true).Check(Verified, ["log: 2", "end"]);

        Assert.True(result.Accepted);
        Assert.True(result.Agrees);
        Assert.Equal(SnapshotVerdict.Mismatched, result.Verdict);
        Assert.Equal("log: 2\nend\n", File.ReadAllText(Verified));
        Assert.False(File.Exists(Received));
        Assert.False(File.Exists(DiffFile));
    }

    [Fact]
    public void Accept_writes_verified_for_a_missing_snapshot()
    {
        var result = Store(accept: true).Check(Verified, ["end"]);

        Assert.True(result.Accepted);
        Assert.Equal(SnapshotVerdict.Missing, result.Verdict);
        Assert.Equal("end\n", File.ReadAllText(Verified));
    }

    [Fact]
    public void Accept_never_writes_from_a_run_that_did_not_complete()
    {
        File.WriteAllText(Verified, "end\n");

        var result = Store(accept: true).Check(Verified, ["log: partial"], runCompleted: false);

        Assert.False(result.Accepted);
        Assert.Equal("end\n", File.ReadAllText(Verified));
        Assert.True(File.Exists(Received));
    }

    [Fact]
    public void Accept_leaves_a_matching_verified_file_untouched()
    {
        File.WriteAllText(Verified, "end\n");
        var before = File.GetLastWriteTimeUtc(Verified);
        File.SetLastWriteTimeUtc(Verified, before.AddHours(-1));

        Store(accept: true).Check(Verified, ["end"]);

        Assert.Equal(before.AddHours(-1), File.GetLastWriteTimeUtc(Verified));
    }

    [Theory]
    [InlineData("area/a.b.verified.txt", "area/a.b.received.txt")]
    [InlineData("area/sub/odd.txt", "area/sub/odd.txt.received.txt")]
    public void The_received_file_keeps_the_verified_files_area_under_the_received_root(string verified, string received)
    {
        var store = Store(false);
        Assert.Equal(Path.Combine(store.ReceivedRoot, received), store.ReceivedPathFor(Path.Combine(Features, verified)));
    }
}
