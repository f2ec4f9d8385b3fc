using Workers.AsyncContext.Jint;
using Xunit;

namespace ReferenceImpl.Tests;

/// <summary>
/// Event, EventTarget, AbortController/AbortSignal and DOMException on the reference host. Expected lines were
/// observed on workerd (same programs, through its test handler); requirement ids as in spec/requirements.md.
/// </summary>
public class HostEventTargetTests
{
    private static void Expect(HostKit.Run run, params string[] lines)
    {
        Assert.True(run.Result.Outcome == WorkerOutcome.Completed, $"{run.Result} stderr: {string.Join(" | ", run.Err)}");
        Assert.Equal(lines, run.Out);
    }

    // ---- OBS-LISTENER-NOCAPTURE-1 / ALS-BIND-1 (features/propagation/event-listeners.feature)

    [Fact] // OBS-LISTENER-NOCAPTURE-1: the listener runs in the dispatcher's frame, not the one it was added in
    public void EventTarget_listener_sees_the_dispatchers_store() => Expect(HostKit.Test("""
        const target = new EventTarget();
        als.run('added', () => target.addEventListener('ping', () => console.log('listener', String(als.getStore()))));
        target.dispatchEvent(new Event('ping'));
        als.run('dispatcher', () => target.dispatchEvent(new Event('ping')));
        """), "listener undefined", "listener dispatcher");

    [Fact] // ALS-BIND-1: a bound listener keeps the store where it was bound
    public void Bound_listener_keeps_the_store_where_it_was_added() => Expect(HostKit.Test("""
        const target = new EventTarget();
        als.run('added', () => target.addEventListener('ping', AsyncLocalStorage.bind(() => console.log('listener', als.getStore()))));
        als.run('dispatcher', () => target.dispatchEvent(new Event('ping')));
        """), "listener added");

    [Fact] // OBS-LISTENER-NOCAPTURE-1: 'abort' listeners and onabort run in the frame of the code that aborts
    public void Abort_listeners_see_the_aborters_store() => Expect(HostKit.Test("""
        const ac = new AbortController();
        als.run('added', () => ac.signal.addEventListener('abort', () => console.log('abort', als.getStore())));
        als.run('added', () => { ac.signal.onabort = () => console.log('onabort', als.getStore()); });
        als.run('aborter', () => ac.abort());
        """), "abort aborter", "onabort aborter");

    [Fact] // OBS-LISTENER-NOCAPTURE-1: a dependent signal (AbortSignal.any) aborts synchronously, in the aborter's frame
    public void AbortSignal_any_follows_its_sources_in_the_aborters_frame() => Expect(HostKit.Test("""
        const a = new AbortController(), b = new AbortController();
        const any = als.run('created', () => AbortSignal.any([a.signal, b.signal]));
        als.run('added', () => any.addEventListener('abort', () => console.log('any', als.getStore(), any.reason)));
        als.run('aborter', () => b.abort('why'));
        a.abort('later');
        console.log(any.aborted, any.reason, AbortSignal.any([AbortSignal.abort('pre')]).reason);
        """), "any aborter why", "true why pre");

    [Fact] // AbortSignal.timeout fires from a host timer with no stores (workerd: not the creator's nor the adder's store)
    public void AbortSignal_timeout_fires_with_no_store() => Expect(HostKit.Test("""
        const s = als.run('created', () => AbortSignal.timeout(5));
        als.run('added', () => s.addEventListener('abort', () => console.log('abort', String(als.getStore()), s.reason.name, s.reason.message, s.reason.code)));
        await scheduler.wait(4);
        console.log('at 4', s.aborted);
        await scheduler.wait(2);
        console.log('at 6', s.aborted);
        """), "at 4 false", "abort undefined TimeoutError The operation was aborted due to timeout 23", "at 6 true");

    // ---- Event

    [Fact] // target/currentTarget/eventPhase before, during and after dispatch; this is the target; constants
    public void Event_state_follows_the_dispatch() => Expect(HostKit.Test("""
        const t = new EventTarget();
        const e = new Event('x');
        console.log('before', e.target, e.currentTarget, e.eventPhase, e.bubbles, e.cancelable, e.composed, e.isTrusted, e.timeStamp, e.composedPath().length);
        t.addEventListener('x', function (ev) { console.log('during', this === t, ev === e, ev.target === t, ev.currentTarget === t, ev.srcElement === t, ev.eventPhase, ev.composedPath()[0] === t); });
        t.dispatchEvent(e);
        console.log('after', e.target === t, e.currentTarget === t, e.eventPhase, e.composedPath().length);
        console.log(Event.NONE, Event.AT_TARGET, new Event('y', { bubbles: true, composed: true }).bubbles, String(e), String(t), new Event(5).type);
        """),
        "before undefined undefined 0 false false false false 0 0",
        "during true true true true true 2 true",
        "after true true 0 0",
        "0 2 true [object Event] [object EventTarget] 5");

    [Fact] // preventDefault: defaultPrevented needs cancelable, dispatchEvent returns false whenever preventDefault was called (workerd)
    public void PreventDefault_and_dispatch_result() => Expect(HostKit.Test("""
        const t = new EventTarget();
        t.addEventListener('p', (ev) => { ev.preventDefault(); console.log('in', ev.defaultPrevented, ev.returnValue); });
        const c = new Event('p', { cancelable: true });
        console.log('cancelable', t.dispatchEvent(c), c.defaultPrevented);
        const n = new Event('p');
        console.log('not cancelable', t.dispatchEvent(n), n.defaultPrevented);
        const q = new Event('q', { cancelable: true });
        console.log('no listener', t.dispatchEvent(q), q.defaultPrevented);
        """), "in true false", "cancelable false true", "in false true", "not cancelable false false", "no listener true false");

    [Fact] // stopImmediatePropagation ends the dispatch; stopPropagation (no tree here) does not
    public void StopImmediatePropagation_skips_the_remaining_listeners() => Expect(HostKit.Test("""
        const t = new EventTarget();
        t.addEventListener('s', (ev) => { console.log('s1'); ev.stopImmediatePropagation(); });
        t.addEventListener('s', () => console.log('s2'));
        t.addEventListener('p', (ev) => { console.log('p1'); ev.stopPropagation(); console.log(ev.cancelBubble); });
        t.addEventListener('p', () => console.log('p2'));
        t.dispatchEvent(new Event('s'));
        t.dispatchEvent(new Event('p'));
        """), "s1", "p1", "true", "p2");

    [Fact] // bad arguments are TypeErrors with workerd's messages
    public void Event_and_EventTarget_argument_checks() => Expect(HostKit.Test("""
        const t = new EventTarget();
        const attempt = (f) => { try { f(); console.log('ok'); } catch (e) { console.log(e.name, e.message); } };
        attempt(() => new Event());
        attempt(() => t.dispatchEvent({ type: 'x' }));
        attempt(() => t.addEventListener('x', () => {}, true));
        attempt(() => t.addEventListener('x', () => {}, { capture: true }));
        attempt(() => t.removeEventListener('x', () => {}, { capture: true }));
        attempt(() => t.addEventListener('x', 5));
        attempt(() => t.addEventListener('x', {}));
        attempt(() => t.addEventListener('x', null));
        attempt(() => t.addEventListener('x', () => {}, { signal: 5 }));
        attempt(() => EventTarget.prototype.dispatchEvent.call({}, new Event('x')));
        """),
        "TypeError Failed to construct 'Event': constructor parameter 1 is not of type 'string'.",
        "TypeError Failed to execute 'dispatchEvent' on 'EventTarget': parameter 1 is not of type 'Event'.",
        "TypeError addEventListener(): useCapture must be false.",
        "TypeError addEventListener(): options.capture must be false.",
        "TypeError removeEventListener(): options.capture must be false.",
        "TypeError Failed to execute 'addEventListener' on 'EventTarget': parameter 2 is not of type 'function or HandlerObject'.",
        "TypeError Incorrect type for the 'handleEvent' field on 'HandlerObject': the provided value is not of type 'function'.",
        "ok",
        "TypeError Incorrect type for the 'signal' field on 'AddEventListenerOptions': the provided value is not of type 'AbortSignal'.",
        "TypeError Illegal invocation: function called with incorrect `this` reference. See https://developers.cloudflare.com/workers/observability/errors/#illegal-invocation-errors for details.");

    // ---- EventTarget listeners

    [Fact] // function and {handleEvent} listeners; handleEvent's this is the object
    public void Function_and_handleEvent_listeners() => Expect(HostKit.Test("""
        const t = new EventTarget();
        const h = { handleEvent(ev) { console.log('object', this === h, ev.type); } };
        t.addEventListener('x', (ev) => console.log('function', ev.type));
        t.addEventListener('x', h);
        console.log(t.dispatchEvent(new Event('x')));
        """), "function x", "object true x", "true");

    [Fact] // a listener is added once per (type, callback); removeEventListener and { once } remove it
    public void Duplicates_once_and_removal() => Expect(HostKit.Test("""
        const t = new EventTarget();
        let n = 0; const f = () => n++;
        t.addEventListener('z', f); t.addEventListener('z', f); t.addEventListener('z', f, { once: true });
        t.dispatchEvent(new Event('z')); console.log('dup', n);
        t.removeEventListener('z', f); t.dispatchEvent(new Event('z')); console.log('removed', n);
        t.addEventListener('w', f, { once: true }); t.dispatchEvent(new Event('w')); t.dispatchEvent(new Event('w')); console.log('once', n);
        t.addEventListener('other', f); t.dispatchEvent(new Event('z')); console.log('other type', n);
        """), "dup 1", "removed 1", "once 2", "other type 2");

    [Fact] // during a dispatch: a listener removed is not called, one added is not called until the next dispatch
    public void Changes_during_a_dispatch() => Expect(HostKit.Test("""
        const t = new EventTarget();
        const b = () => console.log('b');
        const c = () => console.log('c');
        t.addEventListener('v', () => { console.log('a'); t.removeEventListener('v', b); t.addEventListener('v', c); });
        t.addEventListener('v', b);
        t.dispatchEvent(new Event('v'));
        console.log('again');
        t.dispatchEvent(new Event('v'));
        """), "a", "again", "a", "c");

    [Fact] // a throwing listener is reported as uncaught; the other listeners still run and dispatchEvent returns
    public void Throwing_listener_is_reported_and_dispatch_goes_on()
    {
        var run = HostKit.Test("""
            const t = new EventTarget();
            t.addEventListener('th', () => { throw new Error('listener boom'); });
            t.addEventListener('th', () => console.log('second'));
            console.log('returned', t.dispatchEvent(new Event('th')));
            """);
        Expect(run, "second", "returned true");
        Assert.Contains(run.Err, l => l.StartsWith("Uncaught") && l.Contains("listener boom"));
    }

    [Fact] // the { signal } option removes the listener on abort; an already-aborted signal adds nothing
    public void Signal_option_removes_the_listener() => Expect(HostKit.Test("""
        const t = new EventTarget();
        const c = new AbortController();
        t.addEventListener('k', () => console.log('k'), { signal: c.signal });
        t.addEventListener('k', () => console.log('never'), { signal: AbortSignal.abort() });
        t.dispatchEvent(new Event('k'));
        c.abort();
        t.dispatchEvent(new Event('k'));
        console.log('done');
        """), "k", "done");

    [Fact] // subclasses of EventTarget and Event work
    public void Subclasses() => Expect(HostKit.Test("""
        class MyTarget extends EventTarget {}
        class MyEvent extends Event { constructor() { super('m'); this.extra = 1; } }
        const m = new MyTarget();
        m.addEventListener('m', (ev) => console.log(ev.target === m, ev.extra, ev instanceof Event));
        m.dispatchEvent(new MyEvent());
        """), "true 1 true");

    // ---- AbortController / AbortSignal

    [Fact] // abort(): aborted, default reason DOMException AbortError, one trusted 'abort' event, first reason kept
    public void Abort_dispatches_once_with_a_default_reason() => Expect(HostKit.Test("""
        const c = new AbortController();
        const s = c.signal;
        console.log('init', s.aborted, s.reason, s.onabort, s instanceof EventTarget, s instanceof AbortSignal);
        s.addEventListener('abort', (ev) => console.log('abort', ev.type, ev.isTrusted, ev.cancelable, ev.target === s, s.aborted));
        c.abort();
        c.abort('again');
        const r = s.reason;
        console.log(r instanceof DOMException, r instanceof Error, r.name, r.message, r.code, String(r));
        """), "init false undefined null true true", "abort abort true false true true",
        "true true AbortError The operation was aborted 20 AbortError: The operation was aborted");

    [Fact] // abort(reason), AbortSignal.abort(reason), throwIfAborted throws the reason itself
    public void Reasons_and_throwIfAborted() => Expect(HostKit.Test("""
        const c = new AbortController();
        c.signal.throwIfAborted();
        const reason = { why: 1 };
        c.abort(reason);
        try { c.signal.throwIfAborted(); } catch (e) { console.log('thrown', e === reason); }
        const s = AbortSignal.abort(42);
        console.log(s.aborted, s.reason, AbortSignal.abort().reason.name);
        let late = 0; s.addEventListener('abort', () => late++);
        console.log('no event for an already-aborted signal', late);
        """), "thrown true", "true 42 AbortError", "no event for an already-aborted signal 0");

    [Fact] // onabort keeps the position where it was first set; null removes it; AbortSignal has no public constructor
    public void Onabort_and_illegal_constructor() => Expect(HostKit.Test("""
        const c = new AbortController();
        c.signal.addEventListener('abort', () => console.log('L1'));
        c.signal.onabort = () => console.log('first');
        c.signal.addEventListener('abort', () => console.log('L2'));
        c.signal.onabort = (ev) => console.log('ON', ev.type);
        c.abort();
        const d = new AbortController();
        d.signal.onabort = () => console.log('never');
        d.signal.onabort = null;
        d.abort();
        console.log(d.signal.onabort);
        try { new AbortSignal(); } catch (e) { console.log(e.name, e.message); }
        """), "L1", "ON abort", "L2", "null", "TypeError Illegal constructor");

    [Fact] // a throwing abort listener is reported; abort() does not throw and later listeners run
    public void Throwing_abort_listener_is_reported()
    {
        var run = HostKit.Test("""
            const c = new AbortController();
            c.signal.addEventListener('abort', () => { throw new Error('abort boom'); });
            c.signal.addEventListener('abort', () => console.log('second'));
            c.abort();
            console.log('abort returned');
            """);
        Expect(run, "second", "abort returned");
        Assert.Contains(run.Err, l => l.StartsWith("Uncaught") && l.Contains("abort boom"));
    }

    [Fact] // DOMException: name, message, legacy code
    public void DOMException_basics() => Expect(HostKit.Test("""
        const d = new DOMException('msg', 'TimeoutError');
        console.log(d.name, d.message, d.code, d instanceof Error, new DOMException().name, new DOMException().message, DOMException.ABORT_ERR, String(d));
        """), "TimeoutError msg 23 true Error  20 TimeoutError: msg");

    // ---- The global scope (OBS-REJECTIONHANDLED-1 listeners go through the same registry)

    [Fact] // global listeners get globalThis as this and target; globalThis is not an EventTarget (as workerd)
    public void Global_dispatch_targets_globalThis() => Expect(HostKit.Test("""
        addEventListener('gg', function (ev) { console.log(this === globalThis, ev.target === globalThis, ev.currentTarget === globalThis); });
        console.log(dispatchEvent(new Event('gg')), globalThis instanceof EventTarget);
        """), "true true true", "true false");

    [Fact] // a throwing unhandledrejection/rejectionhandled listener ends that dispatch (the next listener is skipped), as workerd
    public void Throwing_rejection_listener_stops_the_dispatch()
    {
        var run = HostKit.Test("""
            addEventListener('unhandledrejection', (e) => { console.log('l1', e.reason); throw new Error('listener boom'); });
            addEventListener('unhandledrejection', (e) => console.log('l2', e.reason));
            addEventListener('rejectionhandled', () => { console.log('h1'); throw new Error('handled boom'); });
            addEventListener('rejectionhandled', () => console.log('h2'));
            const p = Promise.reject('r1'); Promise.reject('r2');
            await scheduler.wait(1);
            p.catch(() => {});
            await scheduler.wait(1);
            console.log('after');
            """);
        Expect(run, "l1 r1", "l1 r2", "h1", "after");
        Assert.Contains(run.Err, l => l.Contains("Exception while logging unhandled rejection") && l.Contains("listener boom"));
        Assert.Contains(run.Err, l => l.Contains("error while reporting an unhandled promise rejection") && l.Contains("handled boom"));
    }
}
