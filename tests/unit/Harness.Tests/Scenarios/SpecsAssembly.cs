using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;
using Conformance.Harness.Execution;
using Conformance.Harness.Scenarios;

namespace Harness.Tests.Scenarios;

/// <summary>The built Conformance.Specs assembly (a project reference builds it first; it is not referenced as a library).</summary>
internal static class SpecsAssembly
{
    public static string Directory => BuiltProjects.OutputOf(Path.Combine("tests", "Conformance.Specs"));

    public static string Dll => Path.Combine(Directory, "Conformance.Specs.dll");

    /// <summary>Loads the assembly in its own load context, resolving its dependencies (Reqnroll) from its own folder.</summary>
    public static Assembly Load()
    {
        Assert.True(File.Exists(Dll), $"{Dll} is not built (dotnet build tests/Conformance.Specs)");
        var context = new AssemblyLoadContext("conformance-specs", isCollectible: true);
        context.Resolving += (ctx, name) =>
            Path.Combine(Directory, name.Name + ".dll") is var path && File.Exists(path) ? ctx.LoadFromAssemblyPath(path) : null;
        return context.LoadFromAssemblyPath(Dll);
    }

    /// <summary>
    /// Runs the assembly (the reference target, no known-failure list) on a copy of the fixture features in
    /// <paramref name="temp"/>; returns the report folder, the process's output and its exit code (3 minutes at most).
    /// </summary>
    public static async Task<(string Report, string Output, int ExitCode)> RunOnFixturesAsync(TempDirectory temp)
    {
        var features = Fixtures.CopyFeaturesTo(temp);
        var report = temp.File("report");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = temp.Path };
        info.ArgumentList.Add(Dll);
        info.Environment[ConformanceSettings.FeaturesVariable] = features;
        info.Environment[ConformanceSettings.ReportDirVariable] = report;
        info.Environment[ConformanceSettings.ExpectationsVariable] = temp.File("no-expectations.txt");
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
