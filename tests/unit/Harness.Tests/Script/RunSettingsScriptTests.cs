using Conformance.Harness.Scenarios;

namespace Harness.Tests.Script;

/// <summary>
/// -Bisect and -History run the suite with the same command-line settings as a plain run (Set-RunSettings in
/// scripts/run-conformance/RunSettings.ps1): -Timeout, -Parallelism, -CompatibilityFlags, -NoBatch and a single
/// -CompatibilityDate reach the runs as CONFORMANCE_* variables, and what an earlier run left set does not.
/// The step is dot-sourced with `dotnet` and the build replaced by functions that print what the suite would be given.
/// </summary>
public sealed class RunSettingsScriptTests
{
    [Theory]
    [InlineData("History.ps1", "Invoke-History @('bun@1.0.0', 'bun@1.1.0')", "2025-01-01")]
    [InlineData("Bisect.ps1", "Invoke-Bisect @('bun@1.0.0..1.1.0')", "")]
    public void A_release_mode_runs_with_the_command_line_settings(string step, string call, string date)
    {
        var root = RepositoryRoot.Find();
        var steps = Path.Combine(root, "scripts", "run-conformance");
        var script = $$"""
            $Timeout = 7; $Parallelism = 3; $CompatibilityFlags = @('flag_a', 'flag_b'); $NoBatch = $true; $CompatibilityDate = '{{date}}'
            $reportRoot = [IO.Path]::GetTempPath(); $reportsDll = 'Conformance.Cli.dll'; $testFilter = 'ScenarioId~x'
            $env:CONFORMANCE_ACCEPT = '1'
            function Invoke-Build {}; function Assert-TestFilter {}
            function dotnet { Get-ChildItem Env: | Where-Object Name -like 'CONFORMANCE_*' | ForEach-Object { "seen $($_.Name)=$($_.Value)" }; $global:LASTEXITCODE = 0 }
            . '{{Path.Combine(steps, "RunSettings.ps1")}}'
            . '{{Path.Combine(steps, step)}}'
            $null = {{call}}
            """;
        var (exit, output) = LocalPwsh.Run(root, ["-Command", script], TimeSpan.FromMinutes(2));
        Assert.True(exit == 0, $"exit {exit}:\n{output}");
        Assert.Contains("seen CONFORMANCE_TIMEOUT_SECONDS=7", output);
        Assert.Contains("seen CONFORMANCE_PARALLELISM=3", output);
        Assert.Contains("seen CONFORMANCE_COMPATIBILITY_FLAGS=flag_a,flag_b", output);
        Assert.Contains("seen CONFORMANCE_NO_BATCH=1", output);
        Assert.DoesNotContain("seen CONFORMANCE_ACCEPT=", output);
        if (date.Length > 0) Assert.Contains($"seen CONFORMANCE_COMPATIBILITY_DATE={date}", output);
        else Assert.DoesNotContain("seen CONFORMANCE_COMPATIBILITY_DATE=", output);
    }
}
