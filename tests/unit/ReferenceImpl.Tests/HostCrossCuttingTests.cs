using Workers.AsyncContext.Jint;
using Xunit;

namespace ReferenceImpl.Tests;

/// <summary>
/// The host follows workerd on the cross-cutting dimensions (the cross-cutting-* files of features/matrix): the <c>this</c> of the
/// callbacks it calls (OBS-MATRIX-THIS-1), and the depth at which synchronously nested context entries throw a
/// catchable RangeError (OBS-MATRIX-NESTING-1).
/// </summary>
public class HostCrossCuttingTests
{
    private static void Expect(HostKit.Run run, params string[] lines)
    {
        Assert.True(run.Result.Outcome == WorkerOutcome.Completed, $"{run.Result} stderr: {string.Join(" | ", run.Err)}");
        Assert.Equal(lines, run.Out);
    }

    private const string Who = "const who = (self) => self === globalThis ? 'globalThis' : self === undefined ? 'undefined' : typeof self;\n";

    [Fact] // workerd calls timer, immediate and microtask callbacks with globalThis, not undefined (strict) or a Timeout
    public void Timers_immediates_and_microtasks_call_with_globalThis() => Expect(HostKit.Test("""
        await new Promise((resolve) => setTimeout(function () { console.log('timeout', who(this)); resolve(); }, 1));
        await new Promise((resolve) => { const id = setInterval(function () { clearInterval(id); console.log('interval', who(this)); resolve(); }, 1); });
        await new Promise((resolve) => setImmediate(function () { console.log('immediate', who(this)); resolve(); }));
        await new Promise((resolve) => queueMicrotask(function () { console.log('microtask', who(this)); resolve(); }));
        """, extra: Who), "timeout globalThis", "interval globalThis", "immediate globalThis", "microtask globalThis");

    [Fact] // onabort gets globalThis, onmessage the port (workerd 1.20261201.1, docs/releases.md); addEventListener listeners the target
    public void Onabort_calls_with_globalThis_onmessage_and_listeners_with_the_target() => Expect(HostKit.Test("""
        const abort = new AbortController();
        abort.signal.onabort = function () { console.log('onabort', who(this)); };
        abort.signal.addEventListener('abort', function () { console.log('abort listener', this === abort.signal); });
        abort.abort();
        const { port1, port2 } = new MessageChannel();
        await new Promise((resolve) => { port1.onmessage = function () { console.log('onmessage', this === port1 ? 'the port' : who(this)); resolve(); }; port2.postMessage(1); });
        port1.onmessage = null;
        await new Promise((resolve) => { port1.addEventListener('message', function () { console.log('message listener', this === port1); resolve(); }); port2.postMessage(2); });
        """, extra: Who), "onabort globalThis", "abort listener true", "onmessage the port", "message listener true");

    [Fact] // a little under workerd's depth: below it every level restores; past it a RangeError each level lets through
    public void Nested_entries_throw_a_catchable_RangeError_past_the_limit_and_every_level_restores() => Expect(HostKit.Test($$"""
        const nest = (d, depth) => als.run(d, () => { if (d < depth) { nest(d + 1, depth); if (als.getStore() !== d) throw new Error('not restored'); } });
        als.run('a', () => {
          nest(1, {{NestedLimit - 1}});
          console.log('below the limit', als.getStore());
          try { nest(1, {{NestedLimit}}); } catch (e) { console.log('at the limit', e.constructor.name, als.getStore()); }
          const bind = (d) => AsyncLocalStorage.bind(() => { if (d < {{NestedLimit}}) bind(d + 1); })();
          try { bind(1); } catch (e) { console.log('bound functions', e.constructor.name, als.getStore()); }
          console.log('after', als.run('b', () => als.getStore()));
        });
        """), "below the limit a", "at the limit RangeError a", "bound functions RangeError a", "after b");

    [Fact] // the budget counts active entries only: awaiting between levels starts each on an empty count
    public void Nesting_across_awaits_is_not_limited() => Expect(HostKit.Test($$"""
        let innermost;
        const nest = (d) => als.run(d, async () => { await null; if (d < {{NestedLimit * 3}}) await nest(d + 1); else innermost = als.getStore(); });
        await nest(1);
        console.log(innermost === {{NestedLimit * 3}});
        """), "true");

    private const int NestedLimit = NodeAsyncHooksBinding.MaxNestedEntries;
}
