using Conformance.Harness.Execution;
using Conformance.Harness.Expectations;

namespace Harness.Tests.Expectations;

public sealed class ExpectationJudgeTests
{
    private static readonly KnownFailureList List = KnownFailureList.Parse("targets/expectations/node.txt",
    [
        "# node passes the this-binding the other way",
        "",
        "als/bind/this-is-globalthis | FAIL | Node passes the call-site this",
    ]);

    private static ScenarioOutcome Outcome(ScenarioStatus status) => new(status, [], $"{status} detail\nsecond line", TimeSpan.Zero);

    [Fact]
    public void An_unlisted_pass_passes() =>
        Assert.Equal(VerdictKind.Passed, ExpectationJudge.Judge("als/run/x", Outcome(ScenarioStatus.Pass), List).Kind);

    [Theory]
    [InlineData(ScenarioStatus.Fail)]
    [InlineData(ScenarioStatus.Timeout)]
    [InlineData(ScenarioStatus.Crash)]
    [InlineData(ScenarioStatus.Error)]
    public void A_listed_failure_with_its_pinned_status_is_expected_and_skipped_with_its_reason(ScenarioStatus status)
    {
        var list = KnownFailureList.Parse("x.txt", [$"als/bind/this-is-globalthis | {status.Text()} | Node passes the call-site this"]);
        var verdict = ExpectationJudge.Judge("als/bind/this-is-globalthis", Outcome(status), list);
        Assert.Equal(VerdictKind.KnownFailure, verdict.Kind);
        Assert.True(verdict.Expected);
        Assert.StartsWith("known failure: Node passes the call-site this; got " + status.Text(), verdict.Message);
    }

    [Fact]
    public void A_listed_pass_is_unexpected_and_asks_to_remove_the_line()
    {
        var verdict = ExpectationJudge.Judge("als/bind/this-is-globalthis", Outcome(ScenarioStatus.Pass), List);
        Assert.Equal(VerdictKind.UnexpectedPass, verdict.Kind);
        Assert.False(verdict.Expected);
        Assert.Contains("targets/expectations/node.txt:3", verdict.Message);
        Assert.Contains("remove the line", verdict.Message);
    }

    [Theory]
    [InlineData(ScenarioStatus.Fail, "FAIL")]
    [InlineData(ScenarioStatus.Timeout, "TIMEOUT")]
    [InlineData(ScenarioStatus.Crash, "CRASH")]
    [InlineData(ScenarioStatus.Error, "ERROR")]
    public void An_unlisted_failure_is_unexpected_and_names_its_status(ScenarioStatus status, string text)
    {
        var verdict = ExpectationJudge.Judge("als/run/x", Outcome(status), List);
        Assert.Equal(VerdictKind.UnexpectedFailure, verdict.Kind);
        Assert.StartsWith(text + ": ", verdict.Message);
    }

    [Fact]
    public void A_skip_that_is_not_an_unavailable_target_is_expected_whether_listed_or_not()
    {
        Assert.Equal(VerdictKind.Skipped, ExpectationJudge.Judge("als/run/x", Outcome(ScenarioStatus.Skip), List).Kind);
        Assert.Equal(VerdictKind.Skipped, ExpectationJudge.Judge("als/bind/this-is-globalthis", Outcome(ScenarioStatus.Skip), List).Kind);
    }

    [Fact]
    public void Malformed_and_repeated_lines_are_problems()
    {
        var list = KnownFailureList.Parse("x.txt", ["a/b | TIMEOUT | one", "a/b | TIMEOUT | two", "no reason here", " | FAIL | no id"]);
        Assert.Equal(3, list.Problems.Count);
        Assert.Contains(list.Problems, p => p.Contains("x.txt:2") && p.Contains("listed twice"));
        Assert.Equal("one", list.Find("a/b")?.Reason);
    }

    [Fact]
    public void A_missing_file_is_an_empty_list()
    {
        var list = KnownFailureList.Load("/nonexistent/expectations.txt");
        Assert.Empty(list.Entries);
        Assert.Empty(list.Problems);
    }
}
