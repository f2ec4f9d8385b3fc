using System.Diagnostics;

namespace Harness.Tests.Script;

/// <summary>
/// PowerShell as the repository's local tool (`dotnet pwsh`). The first use restores the repository's local tools itself, so the
/// README's test command passes on a fresh clone on which `dotnet tool restore` never ran (issue 17, item 6). Where the
/// restore fails (no package source), a test skips and says so, but under CI (CI=true) it fails: CI must run the main job.
/// </summary>
internal static class LocalPwsh
{
    private static readonly Lock RestoreGate = new();
    private static string? _restoredIn;

    /// <summary>`dotnet tool restore` in <paramref name="root"/>, once per test process; its output when it failed.</summary>
    private static string? RestoreTools(string root)
    {
        lock (RestoreGate)
        {
            if (_restoredIn == root) return null;
            var info = new ProcessStartInfo("dotnet", "tool restore") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = System.Diagnostics.Process.Start(info)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromMinutes(5))) { process.Kill(entireProcessTree: true); return "dotnet tool restore did not end within 5 minutes"; }
            if (process.ExitCode != 0) return $"dotnet tool restore exited {process.ExitCode}: {output.Result}{error}";
            _restoredIn = root;
            return null;
        }
    }

    /// <summary>Every test that starts `dotnet pwsh` (here or through <see cref="ScriptRun"/>) calls this first.</summary>
    public static void EnsureRestored(string root)
    {
        if (RestoreTools(root) is { } restoreFailure)
        {
            if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail($"CI must have PowerShell as a local tool: {restoreFailure}");
            Assert.Skip($"PowerShell could not be restored as a local tool here: {restoreFailure}");
        }
    }

    public static (int Exit, string Output) Run(string root, IEnumerable<string> arguments, TimeSpan limit,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        EnsureRestored(root);
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
