using Conformance.Matrix.Model;

namespace Conformance.Matrix.Data;

/// <summary>
/// What the matrix does not generate, each with its reason, so the model (not memory) says what is covered.
/// docs/coverage.md prints this list.
/// </summary>
public static class LeftOutList
{
    public static IReadOnlyList<LeftOut> Combinations { get; } =
    [
        new("every position × every entry form other than run × every source",
            "covering design, for CI time: each source is crossed with every position under run, and each family's first source "
            + "with every entry form after one await (docs/coverage.md gives the size of the full product)"),
        new("sources other than each family's first × entry forms other than run",
            "the entry form decides which context body() starts in, the source how an operation carries it; the family's first "
            + "source stands for the family against every entry form"),
    ];

    /// <summary>Rows of the covering design that are not generated (MatrixPlan drops every row a rule matches).</summary>
    public static IReadOnlyList<LeftOutRows> Rows { get; } =
    [
        TopLevel("module top level × setTimeout, setImmediate", [SchedulingFamilies.Timers, NodeFamilies.Scheduling],
            "workerd refuses timers in the global scope: setTimeout and setImmediate throw Error (\"Disallowed operation called "
            + "within global scope\"), so the module fails to load and the row says nothing of the context"),
        TopLevel("module top level × unhandledrejection, rejectionhandled", [SchedulingFamilies.Rejections, RejectionHandledFamilies.LateHandlers],
            "workerd reports a rejection after the microtask checkpoint, and its top-level await accepts only promises settled "
            + "within the module's own microtasks (Error \"Use of top-level await in a synchronously required module is "
            + "restricted to promises that are resolved synchronously\"): the module fails to load"),
        TopLevel("module top level × dynamic import()", [ImportAndRequestFamilies.DynamicImport],
            "the program importing its own module while that module is still evaluating waits on itself: workerd fails the "
            + "load with the same top-level await Error"),
        TopLevel("module top level × a promise settled by another request", [ImportAndRequestFamilies.CrossRequest],
            "env, and with it a second request, exists only inside a handler"),
    ];

    /// <summary>
    /// Pairs the pairwise generator must not hold (besides those every row of which <see cref="Rows"/> drops, which
    /// <see cref="PairwisePlan"/> derives from those rules with their reasons).
    /// </summary>
    public static IReadOnlyList<LeftOutPair> Pairs { get; } =
    [
        new("module top level × in a timer callback",
            "workerd refuses setTimeout in the global scope (Error \"Disallowed operation called within global scope\"): the "
            + "module fails to load",
            pair => pair == new Pair(new(PairwisePlan.Entry, "module top level"), new(PairwisePlan.Where, "in a timer callback"))),
        new("module top level × after several awaits", TopLevelTimerReason,
            pair => pair == new Pair(new(PairwisePlan.Entry, "module top level"), new(PairwisePlan.Where, "after several awaits"))),
    ];

    /// <summary>Rows the pairwise generator does not add: it takes the family's next source instead.</summary>
    public static IReadOnlyList<LeftOutPairwiseRows> PairwiseRows { get; } =
    [
        new("module top level × a source that waits on a timer (scheduler.wait, setTimeout, AbortSignal.timeout)", TopLevelTimerReason,
            row => row.Entry.Shape == ProgramShape.TopLevel
                && row.Source.Operation.Any(line => line.Contains("scheduler.wait") || line.Contains("setTimeout") || line.Contains("AbortSignal.timeout"))),
    ];

    private const string TopLevelTimerReason =
        "workerd's top-level await accepts only promises settled within the module's own microtasks (Error \"Use of top-level "
        + "await in a synchronously required module is restricted to promises that are resolved synchronously\"): a timer "
        + "settles later, so the module fails to load (observed on workerd 2026-12-06)";

    private static LeftOutRows TopLevel(string what, IReadOnlyList<SourceFamily> families, string reason) =>
        new(what, reason, row => row.Entry.Shape == ProgramShape.TopLevel && families.Contains(row.Family));

    public static IReadOnlyList<LeftOut> EntryForms { get; } =
    [
        new("a capture made in one request and used in another (issue 19, item 3)",
            "workerd throws Error from the call, so body() never runs and every source would print the same: a snapshot or an "
            + "AsyncLocalStorage.bind function (OBS-REQUEST-BOUND-1, concurrency/request-bound.feature), and also an "
            + "AsyncResource's runInAsyncScope and bind (probed on workerd 2026-12-06: Error \"Cannot call this AsyncLocalStorage "
            + "bound function outside of the request in which it was created.\")"),
        new("env.SELF.fetch of a request that then enters run", "covered as the entry form \"a request\"; a request with no run sees no store and adds nothing per source"),
    ];

    public static IReadOnlyList<LeftOut> Sources { get; } =
    [
        new("the top level of a module first loaded by dynamic import()",
            "the harness's bundle holds only the program and the driver's modules, all evaluated before the test handler runs "
            + "(spec/trace-format.md, \"What runs\"), so import() here only settles; probed on workerd 2026-11-17, a bundle "
            + "module first loaded by import() inside run evaluates its top level in the importer's context"),
        new("FinalizationRegistry", "not observable on workerd: a worker has no gc() to force a collection, so no cleanup callback runs within a test"),
    ];
}
