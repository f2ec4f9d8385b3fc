using Conformance.Harness.Reports;

namespace Harness.Tests.Reports;

/// <summary>The CI gate on skips: every skipped row is a known failure, a documented environment skip, or NOT-APPLICABLE.</summary>
public sealed class SkipBreakdownTests
{
    private static ScenarioResult R(string target, string id, string status, string verdict, bool expected) => new()
    {
        Id = id, Feature = "f", Name = id, Target = target, Status = status, Verdict = verdict, Expected = expected, Detail = "why\nmore",
    };

    private static readonly ScenarioResult[] Run =
    [
        R("node", "a/1", "PASS", "Passed", true),
        R("node", "a/2", "FAIL", "KnownFailure", true),
        R("node", "a/3", "TIMEOUT", "KnownFailure", true),
        R("node", "a/4", "FAIL", "ChangedFailure", false),
        R("node", "a/5", "SKIP", "Unavailable", false),
        R("bun", "a/1", "SKIP", "Skipped", true),
        R("bun", "a/2", "NOT-APPLICABLE", "NotApplicable", true),
    ];

    [Fact]
    public void Counts_each_kind_of_skip_and_accepts_a_documented_environment_skip()
    {
        var breakdown = SkipBreakdown.Of(Run, new HashSet<string> { "bun" }, xunitSkipped: 4);
        Assert.Equal("skipped: 2 known failures, 1 environment, 1 not-applicable", breakdown.Line);
        Assert.Empty(breakdown.Unexplained);
    }

    [Fact]
    public void A_skip_on_a_target_not_documented_as_absent_is_unexplained()
    {
        var breakdown = SkipBreakdown.Of(Run, new HashSet<string>(), xunitSkipped: 4);
        Assert.Equal("skipped: 2 known failures, 0 environment, 1 not-applicable", breakdown.Line);
        Assert.Equal(["bun: 1 SKIP row(s), and bun is not a documented environment skip; the first, a/1: why"], breakdown.Unexplained);
    }

    [Fact]
    public void Skips_the_results_do_not_account_for_are_unexplained()
    {
        var breakdown = SkipBreakdown.Of(Run, new HashSet<string> { "bun" }, xunitSkipped: 6);
        Assert.Single(breakdown.Unexplained);
        Assert.Contains("skipped 6 test(s) but the results account for 4", breakdown.Unexplained[0]);
    }
}
