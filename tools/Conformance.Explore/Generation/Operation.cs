using Conformance.Explore.Sources;

namespace Conformance.Explore.Generation;

/// <summary>
/// What one operation does. Leaves log or wait; containers run their <see cref="Operation.Body"/> in some context, the
/// vocabulary of the propagation matrix (tools/Conformance.Matrix/Data): entry forms (run, exit, bind, snapshot, resources),
/// async sources (await, then, timers, microtasks, listeners, thenables, combinators) and positions (nesting).
/// </summary>
public enum OperationKind
{
    /// <summary>`log('Ln')`: the label and the store of every storage (one trace line).</summary>
    Log,
    /// <summary>An await with no timer: <see cref="Operation.Variant"/> picks `await null`, of a resolved promise, of a new promise.</summary>
    Await,
    /// <summary>`await scheduler.wait(delay)`: a timer.</summary>
    Wait,
    /// <summary>`storage.run(value, body)` (ALS-RUN-3).</summary>
    Run,
    /// <summary>`storage.exit(body)` (ALS-EXIT-2).</summary>
    Exit,
    /// <summary>The body in a `then` handler (ALS-RUN-3).</summary>
    Then,
    /// <summary>The body in a `setTimeout` callback (OBS-TIMER-FRAME-1): a timer.</summary>
    Timeout,
    /// <summary>The body in a `queueMicrotask` callback.</summary>
    Microtask,
    /// <summary>The body in an EventTarget listener, dispatched synchronously (OBS-LISTENER-NOCAPTURE-1).</summary>
    Listener,
    /// <summary>The body in a thenable's then(), adopted by await (CAV-THENABLE-1, OBS-THENABLE-ADOPT-1).</summary>
    Thenable,
    /// <summary>The body captured here and called inside another run: <see cref="Operation.Variant"/> picks the capture API.</summary>
    Capture,
    /// <summary>Every body operation is one branch of a `Promise.all` (OBS-COMBINATOR-1). No timer inside.</summary>
    All,
    /// <summary>The body in an async function that nobody awaits. No timer inside.</summary>
    Detached,
    /// <summary>
    /// The body in the callback of an async source of the inventory (issue 19, item 4): <see cref="Operation.Recipe"/> builds,
    /// registers and triggers it, each step placed by <see cref="Operation.Variant"/> (<see cref="Operation.Placements"/>).
    /// A timer when its recipe is.
    /// </summary>
    Source,
}

/// <summary>
/// Where a recipe step runs: in a frame of its own (a distinct store), in the source's enclosing frame (the request's part of
/// the program, itself a distinct store), under exit (no frame), or, for a first creation step, at the module's top level.
/// </summary>
public enum Placement { Own, Enclosing, Exit, TopLevel }

/// <summary>
/// One node of a program's operation tree. <see cref="Id"/> is fixed at generation and names the node's label and values, so
/// removing other nodes (minimisation) changes neither. <see cref="Storage"/> is 0..2 (als, other, third).
/// </summary>
public sealed record Operation(int Id, OperationKind Kind, int Storage, int Variant, int Delay, IReadOnlyList<Operation> Body, SourceRecipe? Recipe = null)
{
    public static readonly IReadOnlyList<string> Storages = ["als", "other", "third"];

    public static readonly IReadOnlyList<string> CaptureForms =
        ["AsyncLocalStorage.bind", "AsyncLocalStorage.snapshot", "runInAsyncScope", "resource bind", "AsyncResource.bind"];

    public static readonly IReadOnlyList<string> AwaitForms = ["await null", "await a resolved promise", "await a new promise"];

    public bool IsTimer => Kind is OperationKind.Wait or OperationKind.Timeout || Recipe is { Timer: true };

    /// <summary>A source's step placements: <see cref="Variant"/> holds one base-4 digit per recipe step, the first step lowest.</summary>
    public IReadOnlyList<Placement> Placements =>
        Recipe is null ? [] : [.. Recipe.Steps.Select((_, i) => (Placement)(Variant / (int)Math.Pow(4, i) % 4))];

    public static int EncodePlacements(IReadOnlyList<Placement> placements) =>
        placements.Select((p, i) => (int)p * (int)Math.Pow(4, i)).Sum();

    public bool IsContainer => Kind is not (OperationKind.Log or OperationKind.Await or OperationKind.Wait);

    public Operation WithBody(IReadOnlyList<Operation> body) => this with { Body = body };

    /// <summary>This node and every node below it, in document order.</summary>
    public IEnumerable<Operation> Descendants()
    {
        yield return this;
        foreach (var child in Body)
            foreach (var node in child.Descendants()) yield return node;
    }
}

/// <summary>A generated program: the operations of its test handler, in order. <see cref="Index"/> is its place in the exploration.</summary>
public sealed record ExploredProgram(long Seed, int Index, IReadOnlyList<Operation> Operations)
{
    public IEnumerable<Operation> Nodes => Operations.SelectMany(operation => operation.Descendants());

    public string Id => $"explore-{Seed}-{Index}";
}
