using Conformance.Explore.Generation;
using Conformance.Explore.Reporting;

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
/// What an exploration came to: its <see cref="Summary"/> (the figures summary.json holds, each divergence naming the feature
/// file its group will be written to) and the <see cref="Groups"/> behind the summary's divergences, in the same order, with
/// the programs and traces those files are made of.
/// </summary>
public sealed record ExplorationResult(ExplorationSummary Summary, IReadOnlyList<DivergenceGroup> Groups);
