using Conformance.Harness.Features;

namespace PerfTiming;

/// <summary>The whole suite (every scenario of features/, compiled) through the harness's own executor, timed.</summary>
public static class SuiteTiming
{
    public static List<ScenarioProgram> Programs(string root) =>
        FeatureCatalog.Load(Path.Combine(root, "features")).Entries.Select(ScenarioCompiler.Compile).ToList();

    public static ITarget Create(string name, string root) =>
        TargetFactory.TryCreate(name, root, null, out var problem) ?? throw new ArgumentException(problem ?? $"unknown target {name}");

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
