using System.Diagnostics;
using Conformance.Harness.Scenarios;
using Conformance.Harness.Reports;
using Harness.Tests.Reports;
using Harness.Tests.Script;

namespace Harness.Tests.Tool;

/// <summary>
/// Issue 21 item 1: `run` takes every mode of run-conformance.ps1 but -Explore (tests/Conformance.Cli/Run/ReleaseModes.cs), so the
/// script's parameters and run's options cannot drift, and -Bisect / -History run the suite with the settings of a plain run.
/// </summary>
public sealed class ReleaseModeTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Every_parameter_of_the_script_is_an_option_of_run()
    {
        var root = RepositoryRoot.Find();
        var script = $$"""
            $common = [Management.Automation.PSCmdlet]::CommonParameters + [Management.Automation.PSCmdlet]::OptionalCommonParameters
            (Get-Command '{{Path.Combine(root, "run-conformance.ps1")}}').Parameters.Values | Where-Object { $common -notcontains $_.Name } |
                ForEach-Object { "param $($_.Name) $($_.ParameterType -eq [switch])" }
            """;
        var (exit, output) = LocalPwsh.Run(root, ["-Command", script], TimeSpan.FromMinutes(2));
        Assert.True(exit == 0, output);
        var parameters = output.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("param ", StringComparison.Ordinal)).Select(l => l.Split(' ')).ToList();
        Assert.True(parameters.Count >= 25, output);
        foreach (var p in parameters)
        {
            string[] given = p[2] == "True" ? ["-" + p[1]] : ["-" + p[1], "x"];
            var (_, checkOutput) = CliTool.Run(["check-options", .. given]);
            Assert.DoesNotContain("is not an option of run", checkOutput);
            var (_, kebabOutput) = CliTool.Run(["check-options", .. given.Select((g, i) => i == 0 ? "--" + Kebab(p[1]) : g)]);
            Assert.DoesNotContain("is not an option of run", kebabOutput);
        }
    }

    private static string Kebab(string pascal) =>
        string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    [Fact]
    public void A_release_mode_runs_with_the_command_line_settings_and_none_an_earlier_run_left()
    {
        // The reference over two dates, once as given and once with -Timeout 0.001 and an earlier run's CONFORMANCE_SHARD=1/2 and
        // CONFORMANCE_UPDATE_EXPECTATIONS=1 left in the environment: the timeout must reach every run (all TIMEOUT), the leftovers
        // none (the same scenarios, not a shard of them, and the known-failure list untouched).
        var plain = Bisect([]);
        var list = Path.Combine(RepositoryRoot.Find(), "targets", "expectations", "reference.txt");
        var listBefore = File.Exists(list) ? File.ReadAllText(list) : null;
        var timed = Bisect(["-Timeout", "0.001"], ("CONFORMANCE_SHARD", "1/2"), ("CONFORMANCE_UPDATE_EXPECTATIONS", "1"));
        foreach (var day in new[] { "2025-01-01", "2025-01-02" })
        {
            var plainRows = ScenarioResult.ReadAll(Path.Combine(plain, "bisect", $"reference-{day}", ResultsJournal.FileName));
            var timedRows = ScenarioResult.ReadAll(Path.Combine(timed, "bisect", $"reference-{day}", ResultsJournal.FileName));
            Assert.InRange(plainRows.Count, 3, 40);
            Assert.All(plainRows, r => Assert.Equal("PASS", r.Status));
            Assert.Equal(plainRows.Select(r => r.Id).Order(), timedRows.Select(r => r.Id).Order());
            Assert.All(timedRows, r => Assert.Equal("TIMEOUT", r.Status));
        }
        Assert.Equal(listBefore, File.Exists(list) ? File.ReadAllText(list) : null);
    }

    private string Bisect(string[] extra, params (string Name, string Value)[] environment)
    {
        var reports = Path.Combine(_temp.Path, "reports-" + Guid.NewGuid().ToString("N")[..8]);
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        // -Suite only places the clone here (its root is found above it): bisect runs the clone's built specs project.
        foreach (var a in new[] { BuiltProjects.Cli, "run", "-Bisect", "-Target", "reference", "-CompatibilityDate", "2025-01-01..2025-01-02",
            "-Requirement", "ALS-RUN-1", "-ReportDir", reports, "-Suite", BuiltProjects.Cli }.Concat(extra))
            info.ArgumentList.Add(a);
        foreach (var (name, value) in environment) info.Environment[name] = value;
        using var process = System.Diagnostics.Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd() + error.Result;
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}:\n{output}");
        Assert.Contains("bisect: 2 releases, 2025-01-01 .. 2025-01-02", output);
        return reports;
    }
}
