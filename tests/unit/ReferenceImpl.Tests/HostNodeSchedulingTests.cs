using Workers.AsyncContext.Jint;
using Xunit;

namespace ReferenceImpl.Tests;

/// <summary>
/// OBS-MATRIX-NODE-SCHEDULING-1: setImmediate, process.nextTick and node:timers/promises run their callbacks (or resume
/// their awaiters) in the frame current when they were scheduled, never in the frame that happens to be current when
/// they fire; the order among microtasks and timers is workerd's.
/// </summary>
public class HostNodeSchedulingTests
{
    private static void Expect(HostKit.Run run, params string[] lines)
    {
        Assert.True(run.Result.Outcome == WorkerOutcome.Completed, $"{run.Result} stderr: {string.Join(" | ", run.Err)}");
        Assert.Equal(lines, run.Out);
    }

    private const string Imports = """
        import process from 'node:process';
        import { nextTick } from 'node:process';
        import { setTimeout as sleep, setImmediate as immediate, scheduler as timersScheduler } from 'node:timers/promises';
        import timersPromises from 'node:timers/promises';
        const log = (tag) => console.log(tag, String(als.getStore()));

        """;

    [Fact] // the callback sees the scheduling frame, although another run is current when the loop reaches it
    public void SetImmediate_runs_in_the_scheduling_frame() => Expect(HostKit.Test("""
        const done = als.run('A', () => new Promise((resolve) => setImmediate((x, y) => { log('immediate ' + x + y); resolve(); }, 1, 2)));
        als.run('B', () => setTimeout(() => log('timer'), 0));
        await done;
        await sleep(1);
        """, extra: Imports), "immediate 12 A", "timer B");

    [Fact]
    public void ClearImmediate_cancels_and_the_handle_is_an_Immediate() => Expect(HostKit.Test("""
        const handle = setImmediate(() => log('cleared'));
        clearImmediate(handle);
        const disposed = setImmediate(() => log('disposed'));
        disposed[Symbol.dispose]();
        console.log(Object.prototype.toString.call(handle));
        try { setImmediate(1); } catch (e) { console.log(e.name); }
        await new Promise((resolve) => setImmediate(resolve));
        """, extra: Imports), "[object Immediate]", "TypeError");

    [Fact] // workerd: immediates and zero-delay timers run in the order they were scheduled, after every microtask
    public void Order_of_ticks_microtasks_immediates_and_timers() => Expect(HostKit.Test("""
        queueMicrotask(() => log('micro'));
        process.nextTick(() => log('tick'));
        Promise.resolve().then(() => log('then'));
        setImmediate(() => log('immediate'));
        setTimeout(() => log('timeout 0'), 0);
        setImmediate(() => log('immediate 2'));
        await sleep(5);
        """, extra: Imports), "micro undefined", "tick undefined", "then undefined", "immediate undefined", "timeout 0 undefined", "immediate 2 undefined");

    [Fact]
    public void NextTick_runs_in_the_queueing_frame_with_its_arguments() => Expect(HostKit.Test("""
        const done = als.run('A', () => new Promise((resolve) => process.nextTick((x) => { log('tick ' + x); resolve(); }, 7)));
        als.run('B', () => queueMicrotask(() => log('micro')));
        await done;
        console.log(globalThis.process === process, nextTick === process.nextTick, Object.prototype.toString.call(process));
        """, extra: Imports), "tick 7 A", "micro B", "true true [object process]");

    [Fact] // as on workerd the call does not check its argument: the microtask throws, the run goes on
    public void NextTick_of_a_non_function_throws_in_the_microtask()
    {
        var run = HostKit.Test("process.nextTick(1); await sleep(1); console.log('after');", extra: Imports);
        Expect(run, "after");
        Assert.Contains(run.Err, line => line.StartsWith("Uncaught TypeError", StringComparison.Ordinal));
    }

    [Fact] // the awaiter resumes in its own frame; the values are passed through
    public void Timers_promises_resume_in_the_awaiting_frame() => Expect(HostKit.Test("""
        await Promise.all([
          als.run('A', async () => { console.log(await sleep(2, 'slept')); log('after setTimeout'); }),
          als.run('B', async () => { console.log(await immediate('immediate')); log('after setImmediate'); }),
          als.run('C', async () => { await timersScheduler.wait(1); log('after scheduler.wait'); }),
        ]);
        console.log(timersPromises.setTimeout === sleep);
        """, extra: Imports), "immediate", "after setImmediate B", "after scheduler.wait C", "slept", "after setTimeout A", "true");
}
