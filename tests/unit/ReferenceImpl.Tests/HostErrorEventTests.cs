using Workers.AsyncContext.Jint;
using Xunit;

namespace ReferenceImpl.Tests;

/// <summary>
/// OBS-MATRIX-ERROR-EVENT-1: an uncaught throw in a microtask or an EventTarget listener fires the global `error` event in
/// the frame current when it was thrown; a throwing timer fires none and fails the test (TF-13). Each expectation was
/// printed by workerd 2026-11-17.
/// </summary>
public class HostErrorEventTests
{
    private const string Listener = """
        import process from 'node:process';
        const log = (tag) => console.log(tag, String(als.getStore()));
        addEventListener('error', (event) => log('error ' + Object.prototype.toString.call(event) + ' ' + event.error?.name + ' ' + event.cancelable));

        """;

    private static void Expect(HostKit.Run run, params string[] lines)
    {
        Assert.True(run.Result.Outcome == WorkerOutcome.Completed, $"{run.Result} stderr: {string.Join(" | ", run.Err)}");
        Assert.Equal(lines, run.Out);
    }

    [Fact] // the microtask's own frame, not the frame the loop drains from; the run goes on and the test passes
    public void A_throwing_microtask_fires_error_in_its_frame() => Expect(HostKit.Test("""
        als.run('a', () => queueMicrotask(() => { null.x; }));
        als.run('b', () => process.nextTick(() => { throw new RangeError('r'); }));
        await scheduler.wait(1);
        log('after');
        """, extra: Listener),
        "error [object ErrorEvent] TypeError false a", "error [object ErrorEvent] RangeError false b", "after undefined");

    [Fact] // the dispatcher's frame (listeners capture none, OBS-LISTENER-NOCAPTURE-1); dispatch goes on to the next listener
    public void A_throwing_listener_fires_error_in_the_dispatchers_frame() => Expect(HostKit.Test("""
        const target = new EventTarget();
        target.addEventListener('x', () => { throw new RangeError('l'); });
        target.addEventListener('x', () => log('next listener'));
        als.run('a', () => target.dispatchEvent(new Event('x')));
        log('after');
        """, extra: Listener), "error [object ErrorEvent] RangeError false a", "next listener a", "after undefined");

    [Fact] // workerd: a throwing error listener is reported, the next one runs, and its error is not dispatched again
    public void A_throwing_error_listener_is_not_dispatched_again() => Expect(HostKit.Test("""
        addEventListener('error', () => { log('second'); throw new Error('in listener'); });
        addEventListener('error', () => log('third'));
        queueMicrotask(() => { null.x; });
        await scheduler.wait(1);
        """, extra: Listener), "error [object ErrorEvent] TypeError false undefined", "second undefined", "third undefined");

    [Fact] // no error event; the run goes on, but the test fails (workerd: `[ FAIL ]`, exit: test failed)
    public void A_throwing_timer_fires_no_error_event_and_fails_the_test()
    {
        var run = HostKit.Test("""
            als.run('a', () => setTimeout(() => { throw new TypeError('t'); }, 1));
            als.run('a', () => setImmediate(() => { throw new TypeError('i'); }));
            await scheduler.wait(3);
            log('after');
            """, extra: Listener);
        Assert.Equal(WorkerOutcome.TestFailed, run.Result.Outcome);
        Assert.Equal(["after undefined"], run.Out);
    }
}
