using Conformance.Explore.Generation;

namespace Conformance.Explore.Exploring;

/// <summary>One group of divergences: the signature, how many programs met it, and the smallest program of the first of them.</summary>
public sealed record DivergenceGroup(
    string Signature,
    int Count,
    int FirstIndex,
    IReadOnlyList<Operation> Minimised,
    IReadOnlyList<string> TruthTrace,
    IReadOnlyList<string> TargetTrace);

/// <summary>
/// What an exploration came to. <see cref="TruthFailures"/> counts programs workerd itself did not complete (a generator
/// defect: reported, never a divergence); <see cref="Errors"/> counts target runs the harness could not make.
/// </summary>
public sealed record ExplorationResult(
    long Seed,
    string Target,
    string? Shard,
    int Programs,
    int DiscardedUnstable,
    int Timeouts,
    int Crashes,
    int Errors,
    int TruthFailures,
    IReadOnlyList<DivergenceGroup> Divergences,
    double WallSeconds)
{
    /// <summary>The indexes of the programs that timed out or crashed on the target, to re-run by hand (`print --index`).</summary>
    public IReadOnlyList<int> NotCompleted { get; init; } = [];

    public double ProgramsPerSecond => WallSeconds > 0 ? Math.Round(Programs / WallSeconds, 2) : 0;
}
