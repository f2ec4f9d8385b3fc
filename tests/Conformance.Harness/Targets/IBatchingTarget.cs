using Conformance.Harness.Scenarios;

namespace Conformance.Harness.Targets;

/// <summary>
/// A target that can run several programs in one runtime process (spec/trace-format.md, TF-1b), each in a fresh worker of
/// its own. The contract: the run of each program is the one <see cref="ITarget.RunAsync"/> would give it alone.
/// </summary>
public interface IBatchingTarget : ITarget
{
    /// <summary>The most programs one batch holds.</summary>
    int MaxBatchSize { get; }

    /// <summary>
    /// How many batches may run at once: each spends most of its time waiting out settle timers (TF-14), one program after
    /// another, so more batches than cores keep the cores busy.
    /// </summary>
    int MaxBatchesInFlight { get; }

    /// <summary>One run per program, in the order given; <paramref name="timeout"/> holds for each program, not the whole batch.</summary>
    Task<IReadOnlyList<TargetRun>> RunBatchAsync(IReadOnlyList<ScenarioProgram> programs, TimeSpan timeout, CancellationToken cancellationToken);
}
