using Conformance.Matrix.Model;
using static Conformance.Matrix.Data.FrameReasons;

namespace Conformance.Matrix.Data;

/// <summary>Discriminating rows (issue 19, item 2) of the promise families: await, reactions, thenables, combinators, import(), a promise another request settles.</summary>
public static class PromiseFrameRows
{
    public static FrameFamily Await { get; } = new(PromiseFamilies.Await,
    [
        new("the continuation of an await of a pending promise", "deferred()", "(async () => callback(await object.promise))()",
            "object.resolve('v')", "args[0]"),
        new("the continuation of an await of a settled promise", "Promise.resolve('v')", "(async () => callback(await object))()", "",
            "args[0]", [new(CandidateFrame.Trigger, CandidateFrame.Creation, "Promise.resolve settles the promise as it makes it")]),
        new("the continuation of an await of a plain value", "'v'", "(async () => callback(await object))()", "", "args[0]",
        [
            new(CandidateFrame.Creation, CandidateFrame.Registration, "a plain value holds no frame: the await makes the promise it waits on"),
            new(CandidateFrame.Trigger, CandidateFrame.Registration, "the await's own promise is settled as it is made"),
        ]),
    ]);

    public static FrameFamily Reactions { get; } = new(PromiseFamilies.Reactions,
    [
        new("a then handler", "deferred()", "object.promise.then(callback)", "object.resolve('v')", "who(this), args[0]"),
        new("a then rejection handler", "deferred()", "object.promise.then(null, callback)", "object.reject(new Error('x'))", "who(this), args[0].message"),
        new("a catch handler", "deferred()", "object.promise.catch(callback)", "object.reject(new Error('x'))", "who(this), args[0].message"),
        new("a finally handler", "deferred()", "object.promise.finally(callback)", "object.resolve('v')", "who(this), args.length"),
        new("the second handler of a then chain", "deferred()", "object.promise.then((value) => value + 'w').then(callback)",
            "object.resolve('v')", "who(this), args[0]"),
    ]);

    public static FrameFamily Thenables { get; } = new(PromiseFamilies.Thenables,
    [
        new("the then of an awaited thenable", "({ then: callback })", "(async () => { await object; })()", "",
            "who(this, object), typeof args[0], typeof args[1]", [AdoptedByTheRegistration("the await")]),
        new("the then of a thenable given to Promise.resolve", "({ then: callback })", "Promise.resolve(object)", "",
            "who(this, object), typeof args[0], typeof args[1]", [AdoptedByTheRegistration("Promise.resolve")]),
        new("the then of a thenable a promise is resolved with", "({ then: callback })", "", "new Promise((resolve) => resolve(object))",
            "who(this, object), typeof args[0], typeof args[1]",
            [new(CandidateFrame.Registration, CandidateFrame.Trigger, "the thenable is handed over by the resolve call that starts its adoption")]),
        new("the then of a thenable returned from a then handler", "({ then: callback, source: deferred() })",
            "object.source.promise.then(() => object)", "object.source.resolve()", "who(this, object), typeof args[0], typeof args[1]"),
        new("the then of a thenable returned from an async function", "({ then: callback })", "(async () => object)()", "",
            "who(this, object), typeof args[0], typeof args[1]", [AdoptedByTheRegistration("the async function's return")]),
    ]);

    public static FrameFamily Combinators { get; } = new(PromiseFamilies.Combinators,
    [
        new("a then handler of Promise.all", "[deferred(), deferred()]", "Promise.all(object.map((d) => d.promise)).then(callback)",
            "object[0].resolve('a'); object[1].resolve('b')", "who(this), args[0].join()"),
        new("a then handler of Promise.allSettled", "[deferred(), deferred()]", "Promise.allSettled(object.map((d) => d.promise)).then(callback)",
            "object[0].reject(new Error('x')); object[1].resolve('b')", "who(this), args[0].map((r) => r.status).join()"),
        new("a then handler of Promise.race", "[deferred(), deferred()]", "Promise.race(object.map((d) => d.promise)).then(callback)",
            "object[1].resolve('b')", "who(this), args[0]"),
        new("a then handler of Promise.any", "[deferred(), deferred()]", "Promise.any(object.map((d) => d.promise)).then(callback)",
            "object[0].reject(new Error('x')); object[1].resolve('b')", "who(this), args[0]"),
    ]);

    public static FrameFamily DynamicImport { get; } = new(ImportAndRequestFamilies.DynamicImport,
    [
        new("a then handler of import()", "import('./program.mjs')", "object.then(callback)", "", "who(this), typeof args[0].default",
            [new(CandidateFrame.Trigger, CandidateFrame.Creation, "import() of the program's own module settles with no call of the program: the module is already evaluated")]),
    ]);

    /// <summary>The trigger is the request whose fetch handler settles the promise from a run of its own ('settler').</summary>
    public static FrameFamily CrossRequest { get; } = new(ImportAndRequestFamilies.CrossRequest,
    [
        new("a then handler of a promise another request settles", "deferred()", "object.promise.then(callback)",
            "await (await env.SELF.fetch('http://rows/settle')).text()", "who(this), args[0]"),
    ],
    Fetch: ["if (object) {", "  await als.run('settler', async () => { await null; object.resolve('v'); });", "  return new Response('settled');", "}"]);
}
