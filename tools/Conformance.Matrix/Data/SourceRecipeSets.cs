using Conformance.Matrix.Model;

namespace Conformance.Matrix.Data;

/// <summary>
/// Every recipe set of the rows generated from the inventory (issue 19, item 2), the callbacks that have no row with the
/// reason, and the sources still waiting for a recipe. tests/unit/Generate.Tests/SourceRowTests.cs fails when a callback of
/// the model is in none of the three.
/// </summary>
public static class SourceRecipeSets
{
    public static IReadOnlyList<SourceRecipes> All { get; } =
    [
        GlobalEventRecipes.GlobalScopeSources,
        GlobalEventRecipes.EventTargets,
        GlobalEventRecipes.Abort,
        GlobalEventRecipes.MessagePorts,
        GlobalPromiseRecipes.Promises,
        GlobalStreamRecipes.Readable,
        GlobalStreamRecipes.Writable,
        NodeEventsRecipes.Events,
        NodeTimerRecipes.Process,
        NodeTimerRecipes.Timers,
        NodeTimerRecipes.TimersPromises,
    ];

    /// <summary>Callbacks that have no row, and why (a limit of workerd or of what a test can reach, never of this harness).</summary>
    public static IReadOnlyList<CallbackReason> Reasons { get; } = [];

    /// <summary>
    /// Sources whose callbacks have no recipe yet: what is left of issue 19, item 2 (docs/coverage.md names them). An entry
    /// here is not a reason; the test checks that none of them covers a callback that already has a row.
    /// </summary>
    public static IReadOnlyList<CallbackReason> NotYet { get; } =
    [
        new("globals", "Array.fromAsync", "a promise recipe, and the mapping function's own row"),
        new("globals", "Atomics.waitAsync", "a promise recipe settled by Atomics.notify from run('trigger')"),
        new("globals", "AsyncDisposableStack", "a recipe per disposer kind (use, adopt, defer) with the dispose call in run('trigger')"),
        new("globals", "DisposableStack", "the same recipes as AsyncDisposableStack, synchronous"),
        new("globals", "Blob", "a promise recipe parameterised by the method"),
        new("globals", "Body", "a promise recipe over a Response, parameterised by the method"),
        new("globals", "Crypto", "a promise recipe over a DigestStream written in run('trigger')"),
        new("globals", "SubtleCrypto", "a promise recipe parameterised by the call and its key"),
        new("globals", "WebAssembly", "a promise recipe over a small module's bytes"),
        new("globals", "fetch", "a promise recipe over a fetch answered by the harness's own fetch handler"),
        new("globals", "HTMLRewriter", "recipes over a Response transformed in run('trigger')"),
        new("globals", "WebSocket", "recipes over a WebSocketPair, the peer's send and close in run('trigger')"),
        new("node:_stream_duplex", "*", "the node:stream recipes, under the internal module's names"),
        new("node:_stream_readable", "*", "the node:stream recipes, under the internal module's names"),
        new("node:_stream_wrap", "*", "a recipe over a wrapped Duplex"),
        new("node:_stream_writable", "*", "the node:stream recipes, under the internal module's names"),
        new("node:assert", "*", "a promise recipe for rejects and doesNotReject, the function passed called in run('trigger')"),
        new("node:crypto", "*", "a callback recipe parameterised by the call"),
        new("node:dgram", "*", "a promise recipe over a socket's asyncDispose"),
        new("node:diagnostics_channel", "*", "recipes over a channel: subscribe in run('registration'), publish or trace in run('trigger')"),
        new("node:fs", "*", "a callback recipe parameterised by the call, over files of workerd's virtual /tmp"),
        new("node:fs/promises", "*", "a promise recipe parameterised by the call, over files of workerd's virtual /tmp"),
        new("node:http", "*", "recipes over a server and a request whose 'error' listeners the harness can reach"),
        new("node:https", "*", "the node:http recipes"),
        new("node:net", "*", "recipes over a Server and a Socket whose listeners the harness can reach"),
        new("node:readline", "*", "recipes over an Interface reading a stream the program feeds"),
        new("node:readline/promises", "*", "the node:readline recipes, with promises"),
        new("node:stream", "*", "recipes over Readable, Writable, Duplex and Transform made with options, fed in run('trigger')"),
        new("node:stream/consumers", "*", "a promise recipe parameterised by the consumer"),
        new("node:stream/promises", "*", "a promise recipe over finished and pipeline"),
        new("node:tls", "*", "recipes over a TLSSocket whose listeners the harness can reach"),
        new("node:util", "*", "a promise recipe for aborted and promisify, a callback recipe for callbackify"),
        new("node:zlib", "*", "a callback recipe over each zlib stream, written in run('trigger')"),
    ];
}
