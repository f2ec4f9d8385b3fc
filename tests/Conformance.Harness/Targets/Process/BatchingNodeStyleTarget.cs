using Conformance.Harness.Scenarios;

namespace Conformance.Harness.Targets.Process;

/// <summary>
/// A Node, Deno or Bun target that runs many programs per runtime process, each in a fresh worker (spec/runtime-bridges.md
/// B-13, <see cref="NodeBatchRun"/>). Used for a runtime only where every scenario's status and trace batched is the one it
/// has one process per program (the decision and its evidence: <see cref="ProcessTargets"/>, docs/performance.md).
/// </summary>
internal sealed class BatchingNodeStyleTarget(NodeStyleTarget like) : NodeStyleTarget(like), IBatchingTarget
{
    /// <summary>A batch runs its programs one after another; each adds its worker start-up (a few ms) and its settle wait (TF-14).</summary>
    public int MaxBatchSize => 32;

    /// <summary>
    /// As many runtimes at once as one process per program runs (<see cref="ProcessTarget.MaxParallelism"/>), so a program meets
    /// the same contention for the cores in both modes.
    /// </summary>
    public int MaxBatchesInFlight => LanesPerCore * Environment.ProcessorCount;

    public async Task<IReadOnlyList<TargetRun>> RunBatchAsync(IReadOnlyList<ScenarioProgram> programs, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (await CheckAvailabilityAsync(cancellationToken) is { } reason)
            return [.. programs.Select(_ => new TargetRun(RunStatus.Unavailable, [], reason, TimeSpan.Zero))];
        return await BatchRun(RunAsync).RunAsync(programs, timeout, cancellationToken).ConfigureAwait(false);
    }
}
