using Workers.AsyncContext.Jint;
using Xunit;

namespace ReferenceImpl.Tests;

/// <summary>OBS-REJECTION-FRAME-1, OBS-REJECTIONHANDLED-1, OBS-REJECTION-TIMING-1: all checked against workerd.</summary>
public class HostEventTests
{
    private static void Expect(HostKit.Run run, params string[] lines)
    {
        Assert.True(run.Result.Outcome == WorkerOutcome.Completed, $"{run.Result} stderr: {string.Join(" | ", run.Err)}");
        Assert.Equal(lines, run.Out);
    }

    private const string Listeners = """
        addEventListener('unhandledrejection', (e) => console.log('unhandled', String(als.getStore()), String(e.reason?.message ?? e.reason), e instanceof PromiseRejectionEvent, e.promise instanceof Promise));
        addEventListener('rejectionhandled', (e) => console.log('handled', String(als.getStore()), String(e.reason)));

        """;

    [Fact] // the listener runs in the frame current when the promise was rejected, including Jint's gap cases
    public void Listener_runs_in_the_rejection_frame()
    {
        var run = HostKit.Test("""
            const p = als.run('A', () => Promise.resolve(1));
            als.run('B', () => { p.then(() => { throw new Error('thenthrow'); }); });
            const r = als.run('C', () => Promise.reject(new Error('rej')));
            als.run('D', () => { r.then(() => 1); });
            als.run('E', () => { Promise.reject(new Error('direct')); });
            als.run('F', async () => { await null; throw new Error('async'); });
            await scheduler.wait(1);
            """, extra: Listeners);
        Expect(run, "unhandled E direct true true", "unhandled F async true true", "unhandled D rej true true", "unhandled B thenthrow true true");
    }

    [Fact] // rejectionhandled fires synchronously in the rejection's frame, with reason undefined
    public void Rejectionhandled_when_a_late_handler_is_attached() => Expect(HostKit.Test("""
        const late = als.run('R', () => Promise.reject(new Error('late')));
        await scheduler.wait(1);
        als.run('L', () => { console.log('attach'); late.catch(() => console.log('caught', als.getStore())); console.log('attached'); });
        await scheduler.wait(1);
        """, extra: Listeners), "unhandled R late true true", "attach", "handled R undefined", "attached", "caught L");

    [Theory] // OBS-MATRIX-REJECTIONHANDLED-1: also where Jint rejects after leaving the job's frame (a throwing then handler)
    [InlineData("(async () => { await null; throw new Error('late'); })()")]
    [InlineData("Promise.resolve().then(() => { throw new Error('late'); })")]
    public void Rejectionhandled_sees_the_rejecting_frame_for_each_kind_of_rejection(string rejected) => Expect(HostKit.Test($$"""
        const late = als.run('R', () => {{rejected}});
        await scheduler.wait(1);
        await als.run('L', () => late.catch(() => console.log('caught', als.getStore())));
        """, extra: Listeners), "unhandled R late true true", "handled R undefined", "caught L");

    [Fact] // handled before the report: no event
    public void Handled_in_time_is_not_reported() => Expect(HostKit.Test("""
        const p = Promise.reject(new Error('x'));
        await null;
        p.catch(() => {});
        await scheduler.wait(1);
        console.log('end');
        """, extra: Listeners), "end");

    [Theory] // OBS-REJECTION-TIMING-1; report order a, d, c, b is workerd's table order
    [InlineData("2026-11-17", new[] { "qm", "then1", "then2", "unhandled s1", "unhandled m2", "unhandled m1", "unhandled s2", "timeout" })]
    [InlineData("2026-03-03", new[] { "qm", "then1", "then2", "unhandled s1", "unhandled m2", "unhandled m1", "unhandled s2", "timeout" })]
    [InlineData("2026-03-02", new[] { "unhandled s1", "unhandled s2", "qm", "then1", "unhandled m1", "unhandled m2", "then2", "timeout" })]
    public void Report_timing_depends_on_compatibility_date(string date, string[] expected) => Expect(HostKit.Test("""
        addEventListener('unhandledrejection', (e) => console.log('unhandled', e.reason));
        for (const k of ['s1', 's2']) Promise.reject(k);
        for (const k of ['m1', 'm2']) Promise.resolve().then(() => { throw k; });
        queueMicrotask(() => console.log('qm'));
        Promise.resolve().then(() => console.log('then1')).then(() => console.log('then2'));
        setTimeout(() => console.log('timeout'), 0);
        await scheduler.wait(1);
        """, date), expected);

    [Fact] // the table's swap-remove order (observed on workerd)
    public void Report_order_follows_workerds_table() => Expect(HostKit.Test("""
        addEventListener('unhandledrejection', (e) => console.log(e.reason));
        const ps = ['a', 'b', 'c', 'd', 'e'].map((k) => Promise.reject(k));
        ps[2].catch(() => {});
        Promise.reject('x');
        await scheduler.wait(1);
        """), "a", "x", "d", "e", "b");

    [Fact] // event listeners capture nothing; dispatchEvent runs them in the dispatcher's frame; removeEventListener works
    public void Listeners_capture_nothing() => Expect(HostKit.Test("""
        const l = (e) => console.log(e.type, String(als.getStore()));
        als.run('registered', () => addEventListener('custom', l));
        als.run('dispatched', () => dispatchEvent(new Event('custom')));
        removeEventListener('custom', l);
        dispatchEvent(new Event('custom'));
        """), "custom dispatched");

    [Fact] // no listener: logged to stderr, run still completes
    public void Unhandled_without_listener_goes_to_stderr()
    {
        var run = HostKit.Test("Promise.reject(new TypeError('lost')); await scheduler.wait(1);");
        Assert.Equal(WorkerOutcome.Completed, run.Result.Outcome);
        Assert.Contains(run.Err, l => l.Contains("Uncaught (in promise)") && l.Contains("lost"));
    }

    [Fact] // a throwing timer callback is reported (not dispatched, as workerd) and the run goes on
    public void Throwing_timer_is_reported_and_run_continues()
    {
        var run = HostKit.Test("""
            addEventListener('error', () => console.log('error event'));
            setTimeout(() => { throw new Error('timer boom'); }, 1);
            await scheduler.wait(5);
            console.log('still running');
            """);
        Assert.Equal(WorkerOutcome.TestFailed, run.Result.Outcome); // as workerd test: a throwing timer fails the test (TF-13)
        Assert.Equal(["still running"], run.Out);
        Assert.Contains(run.Err, l => l.Contains("timer boom"));
    }
}
