using Conformance.Matrix.Model;

namespace Conformance.Matrix.Data;

/// <summary>
/// The <c>this</c> of every callback each API calls: each row calls <c>seen(this, expected)</c> from the callback, which logs
/// whether <c>this</c> is globalThis, undefined, null or the object the row expects, its typeof, and the store.
/// </summary>
public static class CrossCuttingThis
{
    private static readonly string[] Program =
    [
        .. CrossCuttingPrograms.Prelude,
        "const receiver = { name: 'receiver' };",
        "const who = (self, expected) => self === globalThis ? 'globalThis' : self === undefined ? 'undefined'",
        "  : self === null ? 'null' : self === expected ? 'the expected object' : 'another ' + typeof self;",
        "const seen = (self, expected) => console.log('this of <case>', who(self, expected), typeof self, als.getStore());",
        .. CrossCuttingPrograms.TestInRun,
    ];

    private static CrossCase Case(string label, string code, params string[] requirements) =>
        new(label, code, requirements.Length == 0 ? null : requirements);

    public static CrossDimension Dimension { get; } = new(
        "cross-cutting-this", "the this of every callback",
        "Each API calls its callbacks with some this: globalThis, undefined, or an object of its own. The page names only "
        + "the thisArg of the AsyncResource methods (AR-BIND-2, AR-STATIC-BIND-2, AR-RUNINSCOPE-2); the rest is pinned to "
        + "workerd (OBS-MATRIX-THIS-1).",
        [
            new("the this of <case>", Documented: true, [], Program,
            [
                Case("the bind method of a resource with a thisArg", "new AsyncResource('x').bind(function () { seen(this, receiver); }, receiver)()", "AR-BIND-2"),
                Case("static AsyncResource.bind with a thisArg", "AsyncResource.bind(function () { seen(this, receiver); }, 'x', receiver)()", "AR-STATIC-BIND-2"),
                Case("runInAsyncScope with a thisArg", "new AsyncResource('x').runInAsyncScope(function () { seen(this, receiver); }, receiver)", "AR-RUNINSCOPE-2"),
            ]),
            new("the this of <case>", Documented: false, ["OBS-MATRIX-THIS-1"], Program,
            [
                Case("a setTimeout callback", "await new Promise((resolve) => setTimeout(function () { seen(this); resolve(); }, 1))"),
                Case("a setInterval callback", "await new Promise((resolve) => { const id = setInterval(function () { clearInterval(id); seen(this); resolve(); }, 1); })"),
                Case("a setImmediate callback", "await new Promise((resolve) => setImmediate(function () { seen(this); resolve(); }))"),
                Case("a queueMicrotask callback", "await new Promise((resolve) => queueMicrotask(function () { seen(this); resolve(); }))"),
                Case("a process.nextTick callback", "await new Promise((resolve) => process.nextTick(function () { seen(this); resolve(); }))"),
                Case("a then handler", "await Promise.resolve().then(function () { seen(this); })"),
                Case("a then rejection handler", "await Promise.reject(new Error('x')).then(null, function () { seen(this); })"),
                Case("a catch handler", "await Promise.reject(new Error('x')).catch(function () { seen(this); })"),
                Case("a finally handler", "await Promise.resolve().finally(function () { seen(this); })"),
                Case("a Promise executor", "await new Promise(function (resolve) { seen(this); resolve(); })"),
                Case("the then of an awaited thenable", "const thenable = { then(resolve) { seen(this, thenable); resolve(); } }; await thenable"),
                Case("an EventTarget listener function", "const target = new EventTarget(); target.addEventListener('ping', function () { seen(this, target); }); target.dispatchEvent(new Event('ping'))"),
                Case("an EventTarget handleEvent object", "const target = new EventTarget(); const listener = { handleEvent() { seen(this, listener); } }; target.addEventListener('ping', listener); target.dispatchEvent(new Event('ping'))"),
                Case("an AbortSignal abort listener", "const controller = new AbortController(); controller.signal.addEventListener('abort', function () { seen(this, controller.signal); }); controller.abort()"),
                Case("AbortSignal onabort", "const controller = new AbortController(); controller.signal.onabort = function () { seen(this, controller.signal); }; controller.abort()"),
                Case("an AbortSignal.timeout abort listener", "const signal = AbortSignal.timeout(1); const aborted = new Promise((resolve) => signal.addEventListener('abort', function () { seen(this, signal); resolve(); })); await scheduler.wait(5); await aborted"),
                Case("MessagePort onmessage", "const { port1, port2 } = new MessageChannel(); await new Promise((resolve) => { port1.onmessage = function () { seen(this, port1); resolve(); }; port2.postMessage('ping'); })"),
                Case("a MessagePort message listener", "const { port1, port2 } = new MessageChannel(); await new Promise((resolve) => { port1.addEventListener('message', function () { seen(this, port1); resolve(); }); port2.postMessage('ping'); })"),
                Case("an unhandledrejection listener", "await new Promise((resolve) => { addEventListener('unhandledrejection', function () { seen(this, globalThis); resolve(); }); Promise.reject(new Error('x')); })"),
                Case("a rejectionhandled listener", "await new Promise((resolve) => { addEventListener('unhandledrejection', () => {}); addEventListener('rejectionhandled', function () { seen(this, globalThis); resolve(); }); const rejected = Promise.reject(new Error('x')); setTimeout(() => rejected.catch(() => {}), 1); })"),
                Case("an error event listener", "await new Promise((resolve) => { addEventListener('error', function () { seen(this, globalThis); resolve(); }); queueMicrotask(() => { null.x; }); })"),
                Case("the callback of run", "als.run('b', function () { seen(this); })", "OBS-THIS-1"),
                Case("the callback of exit", "als.exit(function () { seen(this); })", "OBS-THIS-1"),
                Case("an AsyncLocalStorage.bind function called on a receiver", "AsyncLocalStorage.bind(function () { seen(this, receiver); }).call(receiver)", "OBS-THIS-1"),
                Case("a snapshot function called on a receiver", "AsyncLocalStorage.snapshot().call(receiver, function () { seen(this, receiver); })", "OBS-THIS-1"),
                Case("the bind method of a resource called on a receiver", "new AsyncResource('x').bind(function () { seen(this, receiver); }).call(receiver)", "OBS-THIS-1"),
                Case("static AsyncResource.bind called on a receiver", "AsyncResource.bind(function () { seen(this, receiver); }).call(receiver)", "OBS-THIS-1"),
                Case("runInAsyncScope with no thisArg", "new AsyncResource('x').runInAsyncScope(function () { seen(this, receiver); })", "OBS-THIS-1"),
            ]),
        ]);
}
