using System.Diagnostics;

namespace Harness.Tests.Script;

/// <summary>
/// PowerShell as the repository's local tool (`dotnet pwsh`, after `dotnet tool restore`). Without it a test skips and says so,
/// but under CI (CI=true) it fails: CI must be able to run the main job.
/// </summary>
internal static class LocalPwsh
{
    public static (int Exit, string Output) Run(string root, IEnumerable<string> arguments, TimeSpan limit,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "pwsh", "-NoProfile" }.Concat(arguments)) info.ArgumentList.Add(a);
        info.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) info.Environment[name] = value;
        using var process = System.Diagnostics.Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit)) { process.Kill(entireProcessTree: true); Assert.Fail($"pwsh did not end within {limit.TotalMinutes} minutes"); }
        var output = stdout.Result + stderr.Result;
        if (process.ExitCode != 0 && output.Contains("Could not execute because the specified command or file was not found", StringComparison.Ordinal))
        {
            if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail($"CI must have PowerShell as a local tool (dotnet tool restore): {output}");
            Assert.Skip("PowerShell is not restored as a local tool here (dotnet tool restore)");
        }
        return (process.ExitCode, output);
    }
}
