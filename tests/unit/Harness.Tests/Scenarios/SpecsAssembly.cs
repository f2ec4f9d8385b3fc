using System.Diagnostics;
using Conformance.Harness.Execution;
using Conformance.Harness.Scenarios;

namespace Harness.Tests.Scenarios;

/// <summary>The built Conformance.Specs assembly (a project reference builds it first; it is not referenced as a library), run as a process.</summary>
internal static class SpecsAssembly
{
    public static string Directory => BuiltProjects.OutputOf(Path.Combine("tests", "Conformance.Specs"));

    public static string Dll => Path.Combine(Directory, "Conformance.Specs.dll");

    /// <summary>The known-failure list of a fixture run, in its temporary folder (a missing file is an empty list).</summary>
    public const string ExpectationsFile = "expectations.txt";

    /// <summary>
    /// Runs the assembly (the reference target) on a copy of the fixture features in <paramref name="temp"/>, with the
    /// known-failure list <c>expectations.txt</c> there if <paramref name="prepare"/> (given the features folder) writes one,
    /// else none; returns the report folder, the process's output and its exit code (3 minutes at most).
    /// </summary>
    public static async Task<(string Report, string Output, int ExitCode)> RunOnFixturesAsync(TempDirectory temp, Action<string>? prepare = null)
    {
        var features = Fixtures.CopyFeaturesTo(temp);
        prepare?.Invoke(features);
        var report = temp.File("report");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = temp.Path };
        info.ArgumentList.Add(Dll);
        info.Environment[ConformanceSettings.FeaturesVariable] = features;
        info.Environment[ConformanceSettings.ReportDirVariable] = report;
        info.Environment[ConformanceSettings.ExpectationsVariable] = temp.File(ExpectationsFile);
        info.Environment[ConformanceSettings.TargetVariable] = "reference";
        using var process = System.Diagnostics.Process.Start(info)!;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(TimeSpan.FromMinutes(3));
        var stdout = process.StandardOutput.ReadToEndAsync(limit.Token);
        var stderr = process.StandardError.ReadToEndAsync(limit.Token);
        await process.WaitForExitAsync(limit.Token);
        return (report, await stdout + await stderr, process.ExitCode);
    }
}
