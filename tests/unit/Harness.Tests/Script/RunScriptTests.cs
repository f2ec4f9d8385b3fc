using Conformance.Harness.Scenarios;

namespace Harness.Tests.Script;

/// <summary>
/// run-conformance.ps1 itself (its steps in scripts/run-conformance/): a usage error and a selection that matches nothing
/// each end with exit code 2 and say why, never "every result is as expected". Needs the PowerShell local tool (<see cref="LocalPwsh"/>).
/// </summary>
public sealed class RunScriptTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private (int Exit, string Output) Script(params string[] args) =>
        LocalPwsh.Run(RepositoryRoot.Find(), new[] { "-File", Path.Combine(RepositoryRoot.Find(), "run-conformance.ps1"), "-NoBuild", "-ReportDir", _temp.Path }.Concat(args),
            TimeSpan.FromMinutes(3));

    [Fact]
    public void A_filter_that_selects_no_scenario_is_a_usage_error_not_a_pass()
    {
        var (exit, output) = Script("-Filter", "ScenarioId~no-such-scenario-anywhere");
        Assert.True(exit == 2, $"exit {exit}:\n{output}");
        Assert.Contains("no scenario was selected by the filter (ScenarioId~no-such-scenario-anywhere)", output);
        Assert.DoesNotContain("every result is as expected", output);
    }

    [Fact]
    public void A_bad_option_is_a_usage_error_that_says_why()
    {
        var (exit, output) = Script("-Repeat", "1");
        Assert.True(exit == 2, $"exit {exit}:\n{output}");
        Assert.Contains("-Repeat 1: takes a number of runs, at least 2", output);
    }
}
