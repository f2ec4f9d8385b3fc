using Xunit;
using Conformance.Harness.Scenarios;
using Conformance.Harness.Targets;
using Conformance.Harness.Targets.Process;

namespace Harness.Tests.Process;

/// <summary>Shared helpers: the repository, the runtimes under test, and a skip when one is not installed.</summary>
internal static class ProcessTargetFixture
{
    public static string Root { get; } = RepositoryRoot.Find();

    public static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);

    /// <summary>
    /// For a fake runtime in a `command:/bin/sh -c ...` template: sets `$p` to the run's trace prefix, read from the trace module
    /// the harness wrote (TF-1c), so that the fake's lines count as the driver's. Fakes that test something else use it.
    /// </summary>
    public const string ReadPrefix = "p=$(grep -o @@trace:[0-9a-f]* {dir}/trace.mjs);";

    public static TheoryData<string> Runtimes => new("workerd", "node", "node26", "deno", "bun", "system-node");

    /// <summary>The target, or a skipped test saying why it cannot run here.</summary>
    public static async Task<ITarget> AvailableAsync(string name, ProcessTargetOptions? options = null)
    {
        var target = ProcessTargets.TryCreate(name, Root, options ?? ProcessTargetOptions.Default)
            ?? throw new InvalidOperationException($"no process target named {name}");
        var reason = await target.CheckAvailabilityAsync(TestContext.Current.CancellationToken);
        if (reason is not null) Assert.Skip(reason);
        return target;
    }

    public static ScenarioProgram Program(string source, ScenarioPlan? plan = null, string? date = null, [System.Runtime.CompilerServices.CallerMemberName] string id = "") =>
        new(id, source, plan ?? ScenarioPlan.TestHandlerOnly, date ?? ScenarioProgram.DefaultCompatibilityDate);

    public static async Task<TargetRun> RunAsync(ITarget target, ScenarioProgram program, TimeSpan? timeout = null) =>
        await target.RunAsync(program, timeout ?? Generous, TestContext.Current.CancellationToken);

    /// <summary>Asserts a completed run with exactly these trace lines, showing the detail when it is not.</summary>
    public static void AssertTrace(TargetRun run, params string[] expected)
    {
        Assert.True(run.Status == RunStatus.Completed, $"status {run.Status}: {run.Detail}\ntrace:\n{string.Join("\n", run.Trace)}");
        Assert.Equal(expected, run.Trace);
    }

    /// <summary>
    /// Live processes whose command line names a run folder (conformance-*) that no longer exists: a run folder
    /// is deleted only after its process ended, so any such process escaped the kill.
    /// </summary>
    public static IReadOnlyList<string> OrphanedRunProcesses()
    {
        var orphans = new List<string>();
        if (!OperatingSystem.IsLinux()) return orphans;
        foreach (var proc in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(proc), out _)) continue;
            string[] args;
            try
            {
                args = File.ReadAllText(Path.Combine(proc, "cmdline")).Split('\0', StringSplitOptions.RemoveEmptyEntries);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            var runFolderPrefix = Path.Combine(Path.GetTempPath(), "conformance-");
            var folders = args
                .Where(a => a.StartsWith(runFolderPrefix, StringComparison.Ordinal))
                .Select(a => a.IndexOf('/', runFolderPrefix.Length) is var end and >= 0 ? a[..end] : a);
            if (folders.Any(f => !Directory.Exists(f))) orphans.Add($"{Path.GetFileName(proc)}: {string.Join(' ', args)}");
        }
        return orphans;
    }
}
