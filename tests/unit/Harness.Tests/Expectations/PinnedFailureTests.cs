using Conformance.Harness.Execution;
using Conformance.Harness.Expectations;
using Conformance.Harness.Snapshots;

namespace Harness.Tests.Expectations;

/// <summary>A known failure pins its status and, for FAIL, its failing trace: any other failure is a changed failure.</summary>
public sealed class PinnedFailureTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static readonly string[] PinnedTrace = ["log: undefined", "end"];
    private const string Id = "bind/bind/this-is-globalthis";

    private static ScenarioOutcome Outcome(ScenarioStatus status, params string[] trace) => new(status, trace, $"{status} detail", TimeSpan.Zero);

    /// <summary>A list in the temp folder pinning <see cref="Id"/> as FAIL with <see cref="PinnedTrace"/>, its trace file beside it.</summary>
    private KnownFailureList PinnedList()
    {
        var path = _temp.File("node.txt");
        File.WriteAllText(path, $"# cause\n{Id} | FAIL {TraceDigest.Of(PinnedTrace)} | Node passes the call-site this\n");
        var trace = KnownFailureList.TracePath(KnownFailureList.TraceFolderFor(path), Id);
        Directory.CreateDirectory(Path.GetDirectoryName(trace)!);
        TraceText.Write(trace, PinnedTrace);
        return KnownFailureList.Load(path);
    }

    [Fact]
    public void The_digest_is_the_first_12_hex_of_sha256_over_the_trace_file_text()
    {
        // printf 'log: undefined\nend\n' | sha256sum
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("log: undefined\nend\n"u8.ToArray()))[..12];
        Assert.Equal(expected, TraceDigest.Of(PinnedTrace));
        Assert.Empty(PinnedList().Problems);
    }

    [Fact]
    public void The_same_failing_trace_is_a_known_failure()
    {
        var verdict = ExpectationJudge.Judge(Id, Outcome(ScenarioStatus.Fail, PinnedTrace), PinnedList());
        Assert.Equal(VerdictKind.KnownFailure, verdict.Kind);
        Assert.True(verdict.Expected);
    }

    [Fact]
    public void Another_failing_trace_is_a_changed_failure_with_a_diff_from_the_pinned_trace()
    {
        var verdict = ExpectationJudge.Judge(Id, Outcome(ScenarioStatus.Fail, "log: [object Object]", "end"), PinnedList());
        Assert.Equal(VerdictKind.ChangedFailure, verdict.Kind);
        Assert.False(verdict.Expected);
        Assert.Contains("changed failure", verdict.Message);
        Assert.Contains("node.txt:2", verdict.Message);
        Assert.Contains("-log: undefined", verdict.Message);
        Assert.Contains("+log: [object Object]", verdict.Message);
    }

    [Theory]
    [InlineData(ScenarioStatus.Timeout)]
    [InlineData(ScenarioStatus.Crash)]
    [InlineData(ScenarioStatus.Error)]
    public void Another_status_is_a_changed_failure_naming_both_statuses(ScenarioStatus status)
    {
        var verdict = ExpectationJudge.Judge(Id, Outcome(status), PinnedList());
        Assert.Equal(VerdictKind.ChangedFailure, verdict.Kind);
        Assert.Contains($"pins FAIL, got {status.Text()}", verdict.Message);
    }

    [Fact]
    public void A_fail_without_digest_matches_by_status_only()
    {
        var list = KnownFailureList.Parse("system-node.txt", [$"{Id} | FAIL | unpinned runtime"]);
        Assert.Equal(VerdictKind.KnownFailure, ExpectationJudge.Judge(Id, Outcome(ScenarioStatus.Fail, "anything"), list).Kind);
        Assert.Equal(VerdictKind.ChangedFailure, ExpectationJudge.Judge(Id, Outcome(ScenarioStatus.Timeout), list).Kind);
    }

    [Fact]
    public void A_missing_or_edited_trace_file_is_a_list_problem()
    {
        var list = PinnedList();
        var trace = list.TracePathOf(Id);
        File.AppendAllText(trace, "edited\n");
        Assert.Contains(KnownFailureList.Load(list.Path).Problems, p => p.Contains("node.txt:2") && p.Contains("does not have digest"));
        File.Delete(trace);
        Assert.Contains(KnownFailureList.Load(list.Path).Problems, p => p.Contains("node.txt:2") && p.Contains("is missing"));
    }

    [Theory]
    [InlineData("a/b | the old form without a status", "no pinned status")]
    [InlineData("a/b | FAILED | bad status", "is not FAIL")]
    [InlineData("a/b | TIMEOUT 0123456789ab | a digest on a timeout", "is not FAIL")]
    [InlineData("a/b | FAIL 0123 | a short digest", "is not FAIL")]
    [InlineData("a/b | FAIL | " + KnownFailureList.PlaceholderReason, "placeholder reason")]
    public void Old_malformed_and_placeholder_lines_are_problems(string line, string problem)
    {
        var list = KnownFailureList.Parse("x.txt", ["# comment", line]);
        Assert.Contains(list.Problems, p => p.StartsWith("x.txt:2: ") && p.Contains(problem));
    }

    [Fact]
    public void Render_and_parse_round_trip()
    {
        var entry = new KnownFailure(Id, ScenarioStatus.Fail, "0123456789ab", "why", 1);
        Assert.Equal($"{Id} | FAIL 0123456789ab | why", KnownFailureList.Render(entry));
        Assert.Equal(entry, KnownFailureList.Parse("x.txt", [KnownFailureList.Render(entry)]).Find(Id));
    }
}
