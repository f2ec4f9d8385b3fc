using Workers.AsyncContext.Jint;
using Xunit;

namespace ReferenceImpl.Tests;

/// <summary>ALS-RUN-3: the store reaches every asynchronous operation created inside run(), and only those.</summary>
public class HostPropagationTests
{
    private static void Expect(HostKit.Run run, params string[] lines)
    {
        Assert.True(run.Result.Outcome == WorkerOutcome.Completed, $"{run.Result} stderr: {string.Join(" | ", run.Err)}");
        Assert.Equal(lines, run.Out);
    }

    private const string Log = "const log = (tag) => console.log(tag, String(als.getStore()));\n";

    [Fact]
    public void Await_keeps_the_store_and_run_returns_synchronously() => Expect(HostKit.Test("""
        const p = als.run('A', async () => { await null; log('after await'); await scheduler.wait(5); log('after wait'); });
        log('outside');
        await p;
        log('end');
        """, extra: Log), "outside undefined", "after await A", "after wait A", "end undefined");

    [Fact] // then/catch/finally chains created inside run, settled outside
    public void Then_catch_finally_created_inside_settled_outside() => Expect(HostKit.Test("""
        let resolve, reject;
        const p1 = new Promise((r) => { resolve = r; });
        const p2 = new Promise((_, r) => { reject = r; });
        const done = als.run('A', () => Promise.all([p1.then(() => log('then')), p2.catch(() => log('catch')).finally(() => log('finally'))]));
        als.run('B', () => { resolve(); reject(new Error()); });
        await done;
        """, extra: Log), "then A", "catch A", "finally A");

    [Fact] // thenables adopted by await, Promise.resolve and returned from then (CAV-THENABLE-1); order and frames are workerd's
    public void Thenables() => Expect(HostKit.Test("""
        const thenable = (tag) => ({ then(res) { log(tag + ' then()'); res(1); } });
        await Promise.all([
          als.run('await', async () => { await thenable('a'); log('after await'); }),
          als.run('resolve', () => Promise.resolve(thenable('r')).then(() => log('after resolve'))),
          als.run('returned', () => Promise.resolve().then(() => thenable('t')).then(() => log('after returned'))),
        ]);
        """, extra: Log),
        "a then() await", "r then() resolve", "after await await", "after resolve resolve", "t then() returned", "after returned returned");

    [Fact]
    public void Combinators() => Expect(HostKit.Test("""
        await Promise.all([
          als.run('all', () => Promise.all([scheduler.wait(2), 1]).then(() => log('all'))),
          als.run('race', () => Promise.race([scheduler.wait(3), new Promise(() => {})]).then(() => log('race'))),
          als.run('allSettled', () => Promise.allSettled([Promise.reject(1)]).then(() => log('allSettled'))),
          als.run('any', () => Promise.any([Promise.reject(1), scheduler.wait(1)]).then(() => log('any'))),
        ]);
        """, extra: Log), "allSettled allSettled", "any any", "all all", "race race");

    [Fact] // workerd: the generator body runs in the frame of the next() call that resumes it
    public void Async_generators_and_for_await() => Expect(HostKit.Test("""
        async function* gen() { log('gen start'); yield 1; await scheduler.wait(1); log('gen resumed'); yield 2; }
        const it = als.run('G', () => gen());
        await als.run('L', async () => { for await (const v of it) log('got ' + v); });
        """, extra: Log), "gen start L", "got 1 L", "gen resumed L", "got 2 L");

    [Fact] // OBS-TIMER-FRAME-1
    public void Timers_queueMicrotask_and_scheduler_wait_capture_at_registration() => Expect(HostKit.Test("""
        als.run('T', () => setTimeout((x) => log('timeout ' + x), 5, 'arg'));
        als.run('I', () => { const i = setInterval(() => { log('interval'); clearInterval(i); }, 1); });
        als.run('C', () => clearTimeout(setTimeout(() => log('cleared'), 2)));
        als.run('Q', () => queueMicrotask(() => log('microtask')));
        als.run('W', () => scheduler.wait(3).then(() => log('wait')));
        log('sync');
        await scheduler.wait(10);
        """, extra: Log), "sync undefined", "microtask Q", "interval I", "wait W", "timeout arg T");

    [Fact] // ordering on the virtual clock: by deadline, ties in registration order; no wall time spent
    public void Virtual_clock_orders_timers_deterministically()
    {
        var started = DateTime.UtcNow;
        Expect(HostKit.Test("""
            setTimeout(() => console.log('b'), 10); setTimeout(() => console.log('a'), 5); setTimeout(() => console.log('c'), 10);
            await scheduler.wait(100000);
            """), "a", "b", "c");
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
    }

    [Fact] // ALS-RUN-3 + ALS-MULTI-1: concurrent requests keep their own store (the page's fetch example)
    public void Concurrent_requests_via_SELF_fetch() => Expect(HostKit.Worker(HostKit.Prelude + """
        let idSeq = 0;
        export default {
          async test(c, env) {
            const rs = await Promise.all(['/a', '/b'].map((p) => env.SELF.fetch('http://x.test' + p)));
            for (const r of rs) console.log(r.status, await r.text());
          },
          async fetch(req) {
            return als.run(idSeq++, async () => {
              await scheduler.wait(als.getStore() === 0 ? 1000 : 10);
              console.log('done', als.getStore());
              return new Response(`${als.getStore()} ${new URL(req.url).pathname}`);
            });
          },
        };
        """), "done 1", "done 0", "200 0 /a", "200 1 /b");

    [Fact] // each request starts from an empty frame
    public void Requests_start_in_an_empty_frame() => Expect(HostKit.Worker(HostKit.Prelude + """
        export default {
          async test(c, env) { await als.run('test', () => env.SELF.fetch('http://x.test/')).then((r) => r.text()).then(console.log); },
          fetch() { return new Response(String(als.getStore())); },
        };
        """), "undefined");

    [Fact] // a fetch handler that throws makes SELF.fetch reject with the same error type
    public void Throwing_fetch_handler_rejects_the_callers_fetch() => Expect(HostKit.Worker(HostKit.Prelude + """
        export default {
          async test(c, env) {
            for (const p of ['/sync', '/async']) { try { await env.SELF.fetch('http://x.test' + p); } catch (e) { console.log(p, e.constructor.name); } }
          },
          fetch(req) { if (req.url.endsWith('/sync')) throw new RangeError('s'); return Promise.reject(new SyntaxError('a')); },
        };
        """), "/sync RangeError", "/async SyntaxError");
}
