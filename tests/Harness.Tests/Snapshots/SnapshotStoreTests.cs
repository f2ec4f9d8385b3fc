using Conformance.Harness.Snapshots;

namespace Harness.Tests.Snapshots;

public sealed class SnapshotStoreTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private string Verified => _temp.File("f.scenario.verified.txt");
    private string Received => _temp.File("f.scenario.received.txt");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_matching_trace_passes_and_removes_a_stale_received_file()
    {
        File.WriteAllText(Verified, "log: 1\nend\n");
        File.WriteAllText(Received, "old");

        var result = new SnapshotStore(accept: false).Check(Verified, ["log: 1", "end"]);

        Assert.Equal(SnapshotVerdict.Matched, result.Verdict);
        Assert.True(result.Agrees);
        Assert.False(File.Exists(Received));
    }

    [Fact]
    public void A_differing_trace_writes_received_and_a_unified_diff()
    {
        File.WriteAllText(Verified, "log: 1\nend\n");

        var result = new SnapshotStore(accept: false).Check(Verified, ["log: 2", "end"]);

        Assert.Equal(SnapshotVerdict.Mismatched, result.Verdict);
        Assert.False(result.Agrees);
        Assert.Equal("log: 2\nend\n", File.ReadAllText(Received));
        Assert.Equal("log: 1\nend\n", File.ReadAllText(Verified));
        Assert.Contains("-log: 1", result.Diff);
        Assert.Contains("+log: 2", result.Diff);
        Assert.Contains("@@", result.Diff);
    }

    [Fact]
    public void A_missing_verified_file_fails_and_writes_received_only()
    {
        var result = new SnapshotStore(accept: false).Check(Verified, ["end"]);

        Assert.Equal(SnapshotVerdict.Missing, result.Verdict);
        Assert.False(result.Agrees);
        Assert.False(File.Exists(Verified));
        Assert.Equal("end\n", File.ReadAllText(Received));
    }

    [Fact]
    public void An_empty_verified_file_is_an_empty_trace_not_a_missing_one()
    {
        File.WriteAllText(Verified, "");

        Assert.Equal(SnapshotVerdict.Matched, new SnapshotStore(false).Check(Verified, []).Verdict);
        Assert.Equal(SnapshotVerdict.Mismatched, new SnapshotStore(false).Check(Verified, ["end"]).Verdict);
    }

    [Fact]
    public void A_CRLF_verified_file_matches_and_is_never_rewritten()
    {
        var bytes = "log: 1\r\nend\r\n"u8.ToArray();
        File.WriteAllBytes(Verified, bytes);

        var match = new SnapshotStore(accept: true).Check(Verified, ["log: 1", "end"]);
        Assert.Equal(SnapshotVerdict.Matched, match.Verdict);
        Assert.False(match.Accepted);
        Assert.Equal(bytes, File.ReadAllBytes(Verified));

        new SnapshotStore(accept: false).Check(Verified, ["log: 2", "end"]);
        Assert.Equal(bytes, File.ReadAllBytes(Verified));
    }

    [Fact]
    public void A_verified_file_without_a_final_newline_still_matches()
    {
        File.WriteAllText(Verified, "log: 1\nend");
        Assert.Equal(SnapshotVerdict.Matched, new SnapshotStore(false).Check(Verified, ["log: 1", "end"]).Verdict);
    }

    [Fact]
    public void Accept_writes_verified_for_a_mismatch_and_removes_received()
    {
        File.WriteAllText(Verified, "log: 1\nend\n");
        File.WriteAllText(Received, "stale");

        var result = new SnapshotStore(accept: true).Check(Verified, ["log: 2", "end"]);

        Assert.True(result.Accepted);
        Assert.True(result.Agrees);
        Assert.Equal(SnapshotVerdict.Mismatched, result.Verdict);
        Assert.Equal("log: 2\nend\n", File.ReadAllText(Verified));
        Assert.False(File.Exists(Received));
    }

    [Fact]
    public void Accept_writes_verified_for_a_missing_snapshot()
    {
        var result = new SnapshotStore(accept: true).Check(Verified, ["end"]);

        Assert.True(result.Accepted);
        Assert.Equal(SnapshotVerdict.Missing, result.Verdict);
        Assert.Equal("end\n", File.ReadAllText(Verified));
    }

    [Fact]
    public void Accept_never_writes_from_a_run_that_did_not_complete()
    {
        File.WriteAllText(Verified, "end\n");

        var result = new SnapshotStore(accept: true).Check(Verified, ["log: partial"], runCompleted: false);

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

        new SnapshotStore(accept: true).Check(Verified, ["end"]);

        Assert.Equal(before.AddHours(-1), File.GetLastWriteTimeUtc(Verified));
    }

    [Theory]
    [InlineData("a.b.verified.txt", "a.b.received.txt")]
    [InlineData("odd.txt", "odd.txt.received.txt")]
    public void The_received_file_sits_beside_the_verified_one(string verified, string received) =>
        Assert.Equal(received, SnapshotStore.ReceivedPathFor(verified));
}
