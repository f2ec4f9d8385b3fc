using System.Diagnostics;
using Conformance.Harness.Scenarios;

namespace Harness.Tests.Reports;

/// <summary>The built report tool (tests/Conformance.Cli), run as run-conformance.ps1 and .ci/run run it.</summary>
internal static class CliTool
{
    public static (int Exit, string Out) Run(params string[] args)
    {
        var dll = BuiltProjects.Cli;
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = System.Diagnostics.Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }
}
