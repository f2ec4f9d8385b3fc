using System.Collections.Concurrent;
using Conformance.Explore.Exploring;
using Conformance.Explore.Generation;
using Conformance.Explore.Reporting;
using Conformance.Harness.Scenarios;
using Conformance.Harness.Targets;

namespace Explore.Tests;

/// <summary>A <see cref="ScriptedTarget"/> that batches (TF-1b): it records every batch's program ids and every run alone.</summary>
public sealed class BatchingScriptedTarget(ScriptedTarget inner) : IBatchingTarget
{
    public ConcurrentQueue<string[]> Batches { get; } = new();
    public ConcurrentQueue<string> Alone { get; } = new();
    public string Name => inner.Name;
    public int MaxParallelism => 1;
    public int MaxBatchSize => 32;
    public int MaxBatchesInFlight => 4;

    public Task<string?> CheckAvailabilityAsync(CancellationToken cancellationToken) => inner.CheckAvailabilityAsync(cancellationToken);

    public Task<TargetRun> RunAsync(ScenarioProgram program, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Alone.Enqueue(program.Id);
        return inner.RunAsync(program, timeout, cancellationToken);
    }

    public async Task<IReadOnlyList<TargetRun>> RunBatchAsync(IReadOnlyList<ScenarioProgram> programs, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Batches.Enqueue([.. programs.Select(p => p.Id)]);
        await Task.Delay(5, cancellationToken); // a batch takes time, as a process does
        var runs = new List<TargetRun>();
        foreach (var program in programs) runs.Add(await inner.RunAsync(program, timeout, cancellationToken));
        return runs;
    }
}

public sealed class BatchingTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task On_batching_targets_every_run_goes_through_a_batch_and_the_result_is_the_one_run_alone_gives()
    {
        var truth = new BatchingScriptedTarget(ScriptedTarget.Truth());
        var target = new BatchingScriptedTarget(ScriptedTarget.DivergingOn("addEventListener"));
        var batched = await new Explorer(truth, target, Timeout).ExploreAsync(2, 60);
        var alone = await new Explorer(ScriptedTarget.Truth(), ScriptedTarget.DivergingOn("addEventListener"), Timeout).ExploreAsync(2, 60);

        Assert.NotEmpty(batched.Groups);
        Assert.Empty(truth.Alone); // the programs, the stability re-runs, the minimisation rounds and the checks: all batched
        Assert.Empty(target.Alone);
        // The re-runs of all candidate divergences are one round: some batch holds re-runs of several programs.
        Assert.Contains(truth.Batches, b => b.Count(id => id.StartsWith("again-", StringComparison.Ordinal)) > 1);
        // A minimisation round's candidates share a batch.
        Assert.Contains(target.Batches, b => b.Count(id => id.Contains("-m-", StringComparison.Ordinal)) > 1);
        static ExplorationSummary Untimed(ExplorationSummary s) => s with { WallSeconds = 0, ProgramsPerSecond = 0, Divergences = [], NotCompleted = [], Sources = [] };
        Assert.Equal(Untimed(alone.Summary), Untimed(batched.Summary));
        Assert.Equal(alone.Summary.Divergences, batched.Summary.Divergences);
        Assert.Equal(alone.Summary.Sources, batched.Summary.Sources);
        Assert.Equal(alone.Groups.Select(g => ProgramRenderer.Render(g.Minimised)), batched.Groups.Select(g => ProgramRenderer.Render(g.Minimised)));
    }
}
