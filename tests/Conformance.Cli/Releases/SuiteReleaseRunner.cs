using CliWrap;
using Conformance.Harness.Execution;
using Conformance.Harness.Releases;
using Conformance.Harness.Reports;
using Conformance.Harness.Targets.Versions;

namespace Conformance.Cli.Releases;

/// <summary>
/// Runs the suite's selection on one release the way run-conformance.ps1 runs a target: `dotnet test` on the built specs, the
/// settings as CONFORMANCE_* variables, the report in &lt;report root&gt;/&lt;target&gt;/. A versioned release is first resolved
/// through the runtime cache (installed atomically, checked that it starts): one that does not start is a
/// <see cref="ReleaseRun.WouldNotStart"/>, never a row of results.
/// </summary>
/// <param name="targetOf">The target a release runs on: <c>bun@1.0.3</c> for a version, or the fixed target for a date.</param>
/// <param name="dateOf">The compatibility date a release runs at (bisect by date), else null (the run's own -CompatibilityDate).</param>
internal sealed class SuiteReleaseRunner(string repositoryRoot, string reportRoot, string filter, Func<string, string> targetOf,
    Func<string, string?> dateOf, RuntimeCache cache, Action<string> log) : IReleaseRunner
{
    /// <summary>Compatibility flags every run adds by name (the watch's flag finding turns flags off with their disable names).</summary>
    public IReadOnlyList<string> CompatibilityFlags { get; init; } = [];

    public string ReportDirectoryOf(string release) =>
        Path.Combine(reportRoot, ConformanceSettings.FileSafe(targetOf(release)) + (dateOf(release) is { } date ? "-" + date : ""));

    public async Task<ReleaseRun> RunAsync(string release, CancellationToken cancellationToken)
    {
        var target = targetOf(release);
        if (RuntimeVersion.LooksVersioned(target))
        {
            if (RuntimeVersion.TryParse(target, out var problem) is not { } version) return ReleaseRun.WouldNotStart(release, problem!);
            var resolution = await cache.ResolveAsync(version, cancellationToken);
            if (resolution.Kind != ResolutionKind.Ready) return ReleaseRun.WouldNotStart(release, resolution.Message);
            log(resolution.Message);
        }
        var dir = ReportDirectoryOf(release);
        Directory.CreateDirectory(dir);
        var results = Path.Combine(dir, ResultsJournal.FileName);
        File.Delete(results);
        var environment = new Dictionary<string, string?>
        {
            [ConformanceSettings.TargetVariable] = target,
            [ConformanceSettings.ReportDirVariable] = dir,
        };
        if (dateOf(release) is { } date) environment[ConformanceSettings.CompatibilityDateVariable] = date;
        if (CompatibilityFlags.Count > 0) environment[ConformanceSettings.CompatibilityFlagsVariable] = string.Join(",", CompatibilityFlags);
        // A clone's built specs project, or in the packaged tool the suite assembly beside it (Run/RunCommand.cs, PackagedSuite).
        var specs = Path.Combine(repositoryRoot, "tests/Conformance.Specs/Conformance.Specs.csproj");
        if (!File.Exists(specs)) specs = Path.Combine(repositoryRoot, "suite", "Conformance.Specs.dll");
        string[] arguments = ["test", specs, .. specs.EndsWith(".csproj", StringComparison.Ordinal) ? new[] { "--no-build" } : [], "--nologo",
            "--logger", "console;verbosity=normal", .. filter.Length > 0 ? new[] { "--filter", filter } : []];
        var logFile = Path.Combine(dir, "dotnet-test.log");
        await using (var output = File.Create(logFile))
        {
            if (RunSignals.Signal is not null) Thread.Sleep(Timeout.Infinite); // cancelled: RunSignals ends the process, start nothing more
            var running = CliWrap.Cli.Wrap("dotnet").WithArguments(arguments).WithWorkingDirectory(repositoryRoot).WithEnvironmentVariables(environment)
                .WithValidation(CommandResultValidation.None)
                .WithStandardOutputPipe(PipeTarget.ToStream(output)).WithStandardErrorPipe(PipeTarget.ToStream(output))
                .ExecuteAsync(cancellationToken);
            // Issue 18 item 1 in the release modes too: a SIGINT or SIGTERM kills this release's run and marks its reports incomplete.
            try { RunSignals.Track(System.Diagnostics.Process.GetProcessById(running.ProcessId), dir, target); }
            catch (ArgumentException) { } // it has ended already
            await running;
        }
        var rows = File.Exists(results) ? ScenarioResult.ReadAll(results) : [];
        if (rows.Count == 0) return ReleaseRun.WouldNotStart(release, $"the run gave no results (see {logFile})");
        if (rows.All(r => r.Verdict == "Unavailable")) return ReleaseRun.WouldNotStart(release, $"{target} is unavailable: {rows[0].Detail}");
        return ReleaseRun.FromResults(release, rows);
    }
}
