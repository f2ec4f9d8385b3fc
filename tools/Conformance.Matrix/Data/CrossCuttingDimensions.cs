namespace Conformance.Matrix.Data;

/// <summary>
/// The cross-cutting dimensions (issue 8, point 2), in the order of their feature files and of docs/coverage.md. Each is
/// probed on workerd first; its rows record only what is deterministic there (TF-14 keeps every row well under its bound).
/// </summary>
public static class CrossCuttingDimensions
{
    public static IReadOnlyList<Model.CrossDimension> All { get; } =
    [
        CrossCuttingThis.Dimension,
        CrossCuttingStores.Dimension,
        CrossCuttingDepth.Nesting,
        CrossCuttingDepth.Chains,
    ];

    /// <summary>Values of the cross-cutting dimensions that no row takes, and why (docs/coverage.md prints them).</summary>
    public static IReadOnlyList<Model.LeftOut> LeftOut { get; } =
    [
        new("the this of EventEmitter listeners and of stream callbacks",
            "not yet: node:events and the streams are not yet sources of the matrix (see \"Asynchronous sources\")"),
        new("the this of a FinalizationRegistry callback", "not observable on workerd: no gc() to force a collection"),
        new("a collection that certainly runs", "none of the pinned runtimes exposes globalThis.gc by default: the row collects where it is "
            + "offered and logs only that the store survived, the same either way"),
        new("the depth at which workerd's run throws", "it moves with the stack (a little over 400 for run, about 750 for a bound "
            + "function, observed): the rows nest 100 (below it) and 1,000 (above it) and record only the error's type and the stores"),
        new("bound functions, snapshots and runInAsyncScope nested to the limit", "their limits differ from run's on workerd; "
            + "the rows pin run's, whose restoring each entry shares (ALS-RUN-2)"),
        new("1,000 chained setTimeout callbacks", "50: each zero-delay timer takes at least a millisecond on Node, so 1,000 would take "
            + "over a second of CI time per runtime"),
    ];
}
