using Conformance.Harness.Reports;

namespace Harness.Tests.Reports;

public sealed class RequirementSummaryTests
{
    [Fact]
    public void Groups_scenarios_by_requirement_with_counts_and_unexpected_first()
    {
        ScenarioResult R(string id, string status, bool expected, params string[] reqs) => new()
        {
            Id = id, Feature = "f", Name = id, Target = "node", Status = status, Expected = expected, Verdict = expected ? "Passed" : "UnexpectedFailure",
            Requirements = reqs, Profile = "documented", Detail = "line one\nline two",
        };

        var md = RequirementSummary.Render("node", [R("a/1", "PASS", true, "ALS-RUN-1"), R("a/2", "FAIL", false, "ALS-RUN-1"), R("a/3", "PASS", true)],
            ["TARGET node IS UNAVAILABLE"]);

        Assert.Contains("> **TARGET node IS UNAVAILABLE**", md);
        Assert.Contains("| 2 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |", md);
        Assert.Contains("- `a/2`: FAIL (UnexpectedFailure): line one", md);
        Assert.Contains("### ALS-RUN-1: 1/2 pass", md);
        Assert.Contains("### (no requirement id): 1/1 pass", md);
        Assert.True(md.IndexOf("## Unexpected results", StringComparison.Ordinal) < md.IndexOf("## By requirement", StringComparison.Ordinal));
    }
}
