using Conformance.Matrix.Model;

namespace Conformance.Matrix.Data;

/// <summary>
/// What the matrix does not generate, each with its reason, so the model (not memory) says what is covered.
/// docs/coverage.md prints this list.
/// </summary>
public static class LeftOutList
{
    private const string NotInReference =
        "not yet: the reference host (reference-impl/Workers.AsyncContext.Jint) and the Node-style bridge do not provide it; "
        + "it is added together with the reference host";

    public static IReadOnlyList<LeftOut> Combinations { get; } =
    [
        new("every position × every entry form other than run × every source",
            "covering design, for CI time: each source is crossed with every position under run, and each family's first source "
            + "with every entry form after one await (docs/coverage.md gives the size of the full product)"),
        new("sources other than each family's first × entry forms other than run",
            "the entry form decides which context body() starts in, the source how an operation carries it; the family's first "
            + "source stands for the family against every entry form"),
    ];

    public static IReadOnlyList<LeftOut> EntryForms { get; } =
    [
        new("module top level", "not yet: needs a second program shape (the operation at top level, awaited by top-level await)"),
        new("ctx.waitUntil", "not yet: needs a second program shape (work that outlives the handler); the reference host's support is unchecked"),
        new("env.SELF.fetch of a request that then enters run", "covered as the entry form \"a request\"; a request with no run sees no store and adds nothing per source"),
    ];

    public static IReadOnlyList<LeftOut> Sources { get; } =
    [
        new("EventEmitter and EventEmitterAsyncResource (node:events)", NotInReference),
        new("dynamic import()", NotInReference),
        new("FinalizationRegistry", "not observable on workerd: a worker has no gc() to force a collection, so no cleanup callback runs within a test"),
        new("a promise settled by another request", "not yet: needs two requests in one program (concurrency/request-bound.feature covers the frame rule)"),
    ];
}
