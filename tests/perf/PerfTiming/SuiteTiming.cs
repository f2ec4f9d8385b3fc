using Conformance.Harness.Features;

namespace PerfTiming;

/// <summary>The whole suite (every scenario of features/, compiled) through the harness's own executor, timed.</summary>
public static class SuiteTiming
{
    public static List<ScenarioProgram> Programs(string root) =>
        FeatureCatalog.Load(Path.Combine(root, "features")).Entries.Select(ScenarioCompiler.Compile).ToList();

    public static ITarget Create(string name, string root) =>
        TargetFactory.TryCreate(name, root, null, out var problem) ?? throw new ArgumentException(problem ?? $"unknown target {name}");

    /// <summary>
    /// The target when it can be measured here, else the line to print and the script's exit status: 2 when the target is
    /// unavailable, 1 when the bare bridge does not run a program on it whole (BareRun.CheckAsync).
    /// </summary>
    public static async Task<(ITarget? Target, string? Problem, int Status)> ReadyAsync(string name, string root)
    {
        var target = Create(name, root);
        if (await target.CheckAvailabilityAsync(default) is { } reason) return (null, $"{name,-8} unavailable: {reason}", 2);
        if (await BareRun.CheckAsync(name, root) is { } broken) return (null, $"{name,-8} {broken}", 1);
        return (target, null, 0);
    }

    /// <summary>Runs every program at the target's parallelism (batched where the target batches, unless turned off).</summary>
    public static async Task<(TimeSpan Elapsed, TargetRun[] Runs)> RunAsync(ITarget target, IReadOnlyList<ScenarioProgram> programs, bool batching = true)
    {
        var clock = Stopwatch.StartNew();
        await using var executor = new ScenarioExecutor(target, TimeSpan.FromSeconds(30), batching: batching);
        executor.Schedule(programs);
        var runs = await Task.WhenAll(programs.Select(executor.RunAsync));
        return (clock.Elapsed, runs);
    }
}
