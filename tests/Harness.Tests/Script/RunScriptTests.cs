using System.Diagnostics;
using Conformance.Harness.Scenarios;

namespace Harness.Tests.Script;

/// <summary>
/// run-conformance.ps1 itself (its steps in scripts/run-conformance/): a usage error and a selection that matches nothing
/// each end with exit code 2 and say why, never "every result is as expected". Needs the PowerShell local tool
/// (`dotnet tool restore`); without it the test says so and skips, but under CI (CI=true) it fails.
/// </summary>
public sealed class RunScriptTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private (int Exit, string Output) Script(params string[] args)
    {
        var root = RepositoryRoot.Find();
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "pwsh", "-NoProfile", "-File", Path.Combine(root, "run-conformance.ps1"), "-NoBuild", "-ReportDir", _temp.Path }.Concat(args))
            info.ArgumentList.Add(a);
        info.Environment["NO_COLOR"] = "1";
        using var process = System.Diagnostics.Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3))) { process.Kill(entireProcessTree: true); Assert.Fail("run-conformance.ps1 did not end within 3 minutes"); }
        var output = stdout.Result + stderr.Result;
        if (process.ExitCode != 0 && output.Contains("Could not execute because the specified command or file was not found", StringComparison.Ordinal))
        {
            if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail($"CI must have PowerShell as a local tool (dotnet tool restore): {output}");
            Assert.Skip("PowerShell is not restored as a local tool here (dotnet tool restore)");
        }
        return (process.ExitCode, output);
    }

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
        Assert.Contains("-Repeat takes a number of runs of at least 2", output);
    }
}
