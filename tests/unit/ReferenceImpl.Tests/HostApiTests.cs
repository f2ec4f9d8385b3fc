using Workers.AsyncContext.Jint;
using Xunit;

namespace ReferenceImpl.Tests;

public class HostApiTests
{
    private static void Expect(HostKit.Run run, params string[] lines)
    {
        Assert.True(run.Result.Outcome == WorkerOutcome.Completed, $"{run.Result} stderr: {string.Join(" | ", run.Err)}");
        Assert.Equal(lines, run.Out);
    }

    [Fact] // ALS-CTOR-1, ALS-GETSTORE-1/2, ALS-RUN-1/2/4
    public void Run_getStore_args_and_return() => Expect(HostKit.Test("""
        console.log(als.getStore());
        console.log(als.run(1, (a, b) => a + b + als.getStore(), 2, 3));
        console.log(als.getStore(), new AsyncLocalStorage() !== als);
        console.log(als.run(null, () => als.getStore()));
        """), "undefined", "6", "undefined true", "null");

    [Fact] // ALS-RUN-5
    public void Run_rethrows_callback_error_and_restores() => Expect(HostKit.Test("""
        try { als.run(1, () => { throw new RangeError('x'); }); } catch (e) { console.log(e.constructor.name, als.getStore()); }
        """), "RangeError undefined");

    [Fact] // ALS-EXIT-1/2
    public void Exit_runs_outside_and_returns() => Expect(HostKit.Test("""
        console.log(als.run(1, () => [als.getStore(), als.exit((x) => String(als.getStore()) + x, '!'), als.getStore()].join(',')));
        """), "1,undefined!,1");

    [Fact] // ALS-MULTI-1 (the page's multiple-stores example)
    public void Multiple_stores() => Expect(HostKit.Test("""
        const als2 = new AsyncLocalStorage();
        await als.run(123, () => als2.run(321, async () => { await scheduler.wait(1000); console.log(`${als.getStore()}-${als2.getStore()}`); }));
        """), "123-321");

    [Fact] // ALS-BIND-1, ALS-SNAPSHOT-1 (the page's examples), OBS-THIS-1
    public void Bind_and_snapshot() => Expect(HostKit.Test("""
        function foo() { return als.getStore(); }
        const oneFoo = als.run(123, () => AsyncLocalStorage.bind(foo));
        console.log(oneFoo());
        const snapshot = als.run('abc', () => AsyncLocalStorage.snapshot());
        console.log(snapshot(foo), snapshot((a, b) => a + b, 1, 2));
        const thisIsGlobal = function () { return this === globalThis; };
        console.log(AsyncLocalStorage.bind(thisIsGlobal).call({}), snapshot(thisIsGlobal));
        console.log(JSON.stringify([oneFoo.name, oneFoo.length, snapshot.name]));
        class MyResource { #run = AsyncLocalStorage.snapshot(); doSomething() { return this.#run(() => als.getStore()); } }
        console.log(als.run(7, () => new MyResource()).doSomething());
        """), "123", "abc 3", "true true", "[\"\",0,\"\"]", "7");

    [Fact] // AR-CTOR-1, AR-BIND-1, AR-RUNINSCOPE-1, AR-STATIC-BIND-1 (subclassing as in the page)
    public void AsyncResource_members() => Expect(HostKit.Test("""
        class MyResource extends AsyncResource { constructor() { super('MyResource'); } doSomething() { return this.runInAsyncScope(() => als.getStore()); } }
        const r = als.run(123, () => new MyResource());
        console.log(r.doSomething(), r instanceof AsyncResource, r.asyncId(), r.triggerAsyncId());
        const obj = {};
        console.log(r.runInAsyncScope(function (a) { return [this === obj, a, als.getStore()].join(); }, obj, 'x'));
        console.log(r.runInAsyncScope(function () { return this === globalThis; }));
        const b = r.bind(function () { return [this === globalThis, als.getStore()].join(); });
        console.log(b.call(obj), b.asyncResource === r);
        console.log(als.run('S', () => AsyncResource.bind(function () { return [this === obj, als.getStore()].join(); }, 'T', obj))());
        console.log(typeof new AsyncResource(), typeof new AsyncResource('x', { triggerAsyncId: undefined }));
        """), "123 true 0 0", "true,x,123", "true", "true,123 true", "true,S", "object object");

    [Theory] // OBS-TYPEERROR-1, OBS-ENTERWITH-THROWS-1, OBS-TRIGGER-THROWS-1, CAV-ENTERWITH-1
    [InlineData("als.run(1, 5)", "TypeError")]
    [InlineData("als.exit(5)", "TypeError")]
    [InlineData("AsyncLocalStorage.bind(5)", "TypeError")]
    [InlineData("AsyncLocalStorage.snapshot()(5)", "TypeError")]
    [InlineData("new AsyncResource('x').runInAsyncScope(5)", "TypeError")]
    [InlineData("new AsyncResource('x').bind(5)", "TypeError")]
    [InlineData("AsyncResource.bind(5)", "TypeError")]
    [InlineData("als.enterWith(1)", "Error")]
    [InlineData("als.disable()", "Error")]
    [InlineData("new AsyncResource('x', { triggerAsyncId: 1 })", "Error")]
    [InlineData("new AsyncResource('x', 5)", "TypeError")]
    [InlineData("queueMicrotask(5)", "TypeError")]
    [InlineData("setTimeout(5)", "TypeError")]
    public void Error_paths(string expression, string type) => Expect(
        HostKit.Test($"try {{ {expression}; console.log('no throw'); }} catch (e) {{ console.log(e.constructor.name); }}"), type);

    [Fact] // CAV-ENTERWITH-1 message, CAV-ASYNCHOOKS-1 inert stubs and exports
    public void Module_exports_and_stubs() => Expect(HostKit.Test("""
        const ah = await import('node:async_hooks');
        console.log(Object.keys(ah).sort().join(','));
        console.log(ah.executionAsyncId(), ah.triggerAsyncId(), typeof ah.executionAsyncResource(), ah.createHook({}).enable() !== undefined);
        console.log(ah.default.AsyncLocalStorage === AsyncLocalStorage);
        try { als.enterWith(1); } catch (e) { console.log(e.message); }
        """), "AsyncLocalStorage,AsyncResource,asyncWrapProviders,createHook,default,executionAsyncId,executionAsyncResource,triggerAsyncId",
        "0 0 object true", "true", "asyncLocalStorage.enterWith() is not implemented");

    [Fact] // Request/Response/Headers/URL sufficient for module workers
    public void Web_basics() => Expect(HostKit.Test("""
        const r = new Response('{"a":1}', { status: 201, headers: { 'X-A': 'b' } });
        console.log(r.status, r.ok, r.headers.get('x-a'), (await r.json()).a);
        const q = new Request('http://h.test/p?q=1', { method: 'post', body: 'hi', headers: { A: '1' } });
        console.log(q.url, q.method, q.headers.has('a'), await q.text());
        const h = new Headers(); h.set('K', 'v'); console.log(h.get('k'), h.has('x'));
        const u = new URL('http://h.test:8080/a/b?x=1#f'); console.log(u.pathname, u.searchParams.get('x'), u.port, u.hash);
        """), "201 true b 1", "http://h.test/p?q=1 POST true hi", "v false", "/a/b 1 8080 #f");
}
