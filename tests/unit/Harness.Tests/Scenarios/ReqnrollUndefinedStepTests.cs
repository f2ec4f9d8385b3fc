using Conformance.Harness.Reports;

namespace Harness.Tests.Scenarios;

/// <summary>
/// The fixture features run through the real Conformance.Specs assembly (Reqnroll's runtime, the reference target): a step no
/// step definition matches (basics/problems.feature, "When the moon is full") makes its row ERROR, never PASS, while the
/// well-formed rows beside it pass.
/// </summary>
public sealed class ReqnrollUndefinedStepTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task An_undefined_step_is_an_error_through_reqnroll_and_the_other_rows_still_pass()
    {
        var (report, output, exitCode) = await SpecsAssembly.RunOnFixturesAsync(_temp);

        var all = ScenarioResult.ReadAll(Path.Combine(report, ResultsJournal.FileName));
        var results = all.Select(r => r.Id + "|" + r.Status).ToHashSet();
        var undefined = Assert.Single(all, r => r.Id == "basics/problems/an-unknown-step");
        Assert.True(undefined.Status == "ERROR", $"expected ERROR, got {undefined.Status}: {undefined.Detail}\n{output}");
        Assert.Contains("undefined step", undefined.Detail);
        Assert.Contains("\"the moon is full\"", undefined.Detail);
        Assert.Contains("basics/run/run-returns-the-callback-s-value|PASS", results);
        Assert.Contains("basics/run/a-top-level-throw-is-a-load-error|PASS", results);
        Assert.NotEqual(0, exitCode);
    }
}
