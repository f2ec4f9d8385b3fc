using Conformance.Matrix.Model;

namespace Conformance.Matrix.Data;

/// <summary>
/// The entry dimension. Every form enters store <c>'a'</c> of <c>als</c> (or leaves it, for exit) around <c>body()</c>;
/// the forms that capture a context (bind, snapshot, resources) capture it in <c>'a'</c> and are called in
/// <c>'caller'</c>, so a row tells the captured context from the calling one.
/// </summary>
public static class EntryForms
{
    public static EntryForm Run { get; } = new("run", "als.run('a', body)", ["ALS-RUN-3"]);

    public static IReadOnlyList<EntryForm> All { get; } =
    [
        Run,
        new("nested run", "als.run('outer', async () => { await als.run('a', body); log('outer after'); })", ["ALS-RUN-2", "ALS-RUN-3"]),
        new("two storages", "als.run('a', () => other.run('b', body))", ["ALS-MULTI-1", "ALS-RUN-3"]),
        new("exit in run", "other.run('b', () => als.run('a', () => als.exit(body)))", ["ALS-EXIT-2"]),
        new("AsyncLocalStorage.bind", "als.run('caller', () => als.run('a', () => AsyncLocalStorage.bind(body))())", ["ALS-BIND-1", "ALS-RUN-3"]),
        new("snapshot", "als.run('caller', () => als.run('a', () => AsyncLocalStorage.snapshot())(body))", ["ALS-SNAPSHOT-1", "ALS-RUN-3"]),
        new("runInAsyncScope", "als.run('caller', () => als.run('a', () => new AsyncResource('matrix')).runInAsyncScope(body))", ["AR-RUNINSCOPE-1", "ALS-RUN-3"]),
        new("resource bind", "als.run('caller', () => als.run('a', () => new AsyncResource('matrix')).bind(body)())", ["AR-BIND-1", "ALS-RUN-3"]),
        new("static AsyncResource.bind", "als.run('caller', () => als.run('a', () => AsyncResource.bind(body))())", ["AR-STATIC-BIND-1", "ALS-RUN-3"]),
        new("resource subclass", "als.run('caller', () => als.run('a', () => new Task()).runInAsyncScope(body))", ["AR-PURPOSE-1", "ALS-RUN-3"]),
        new("a request", "als.run('caller', () => env.SELF.fetch('http://matrix/').then((response) => response.text()))", ["ALS-RUN-3"]),
        new("module top level", "als.run('a', body)", ["ALS-RUN-3"], ProgramShape.TopLevel),
        new("ctx.waitUntil", "ctx.waitUntil(als.run('a', body))", ["ALS-RUN-3"], ProgramShape.OutlivingHandler),
    ];

    /// <summary>
    /// Compositions that can change which context a capture holds (issue 19, item 3): a capture made inside exit, inside
    /// another capture's call, at the module's top level, inside ctx.waitUntil (one made in one request and used in another
    /// throws on workerd: LeftOutList.EntryForms). Only the pairwise rows (<see cref="Model.PairwisePlan"/>) use them.
    /// </summary>
    public static IReadOnlyList<EntryForm> Compositions { get; } =
    [
        new("snapshot made inside exit", "als.run('caller', () => als.run('a', () => als.exit(() => AsyncLocalStorage.snapshot()))(body))",
            ["ALS-EXIT-2", "ALS-SNAPSHOT-1"]),
        new("bind made inside a snapshot's call",
            "als.run('caller', () => als.run('a', () => AsyncLocalStorage.snapshot())(() => AsyncLocalStorage.bind(body))())",
            ["ALS-SNAPSHOT-1", "ALS-BIND-1"]),
        new("snapshot made at module top level", "als.run('caller', () => captured(body))", ["ALS-SNAPSHOT-1"], ProgramShape.CapturedAtTopLevel),
        new("snapshot made inside ctx.waitUntil",
            "ctx.waitUntil(als.run('a', async () => { await null; return AsyncLocalStorage.snapshot(); }).then((captured) => als.run('caller', () => captured(body))))",
            ["ALS-SNAPSHOT-1"], ProgramShape.OutlivingHandler),
    ];

    /// <summary>Every value of the pairwise generator's "entered or captured" dimension.</summary>
    public static IReadOnlyList<EntryForm> Pairwise { get; } = [.. All, .. Compositions];
}
