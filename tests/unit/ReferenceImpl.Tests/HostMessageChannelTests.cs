using Workers.AsyncContext.Jint;
using Xunit;

namespace ReferenceImpl.Tests;

/// <summary>
/// OBS-MATRIX-MESSAGE-CHANNEL-1: a message is a microtask queued by postMessage in the poster's frame; a port that is not
/// enabled yet keeps its messages and delivers them in the frame that enables it. Each expectation was printed by
/// workerd 2026-11-17.
/// </summary>
public class HostMessageChannelTests
{
    private const string Log = "const log = (tag) => console.log(tag, String(als.getStore()));\n";

    private static void Expect(HostKit.Run run, params string[] lines)
    {
        Assert.True(run.Result.Outcome == WorkerOutcome.Completed, $"{run.Result} stderr: {string.Join(" | ", run.Err)}");
        Assert.Equal(lines, run.Out);
    }

    [Fact] // onmessage and a 'message' listener, both added in 'a', run in 'b', the poster's; in microtask order
    public void Handlers_run_in_the_posters_frame() => Expect(HostKit.Test("""
        const { port1, port2 } = als.run('a', () => new MessageChannel());
        als.run('a', () => { port1.onmessage = (e) => log('onmessage ' + e.data + ' ' + Object.prototype.toString.call(e) + ' ' + (e.target === port1)); });
        als.run('b', () => { port2.postMessage('m1'); queueMicrotask(() => log('micro')); setTimeout(() => log('t0'), 0); log('posted'); });
        await scheduler.wait(2);
        const ch = new MessageChannel();
        als.run('a', () => ch.port1.addEventListener('message', (e) => log('listener ' + e.data)));
        als.run('b', () => ch.port2.postMessage('m2'));
        await scheduler.wait(2);
        """, extra: Log),
        "posted b", "onmessage m1 [object MessageEvent] true b", "micro b", "t0 b", "listener m2 b");

    [Fact] // posted before the port is enabled: delivered when it is, in the enabling frame; start() then adds nothing
    public void Queued_messages_are_delivered_in_the_enabling_frame() => Expect(HostKit.Test("""
        const ch = new MessageChannel();
        als.run('c', () => ch.port1.postMessage('back'));
        als.run('d', () => { ch.port2.onmessage = (e) => log('port2 ' + e.data); });
        await scheduler.wait(2);
        const ch2 = new MessageChannel();
        als.run('c', () => ch2.port1.postMessage('q'));
        als.run('d', () => { ch2.port2.addEventListener('message', (e) => log('listener ' + e.data)); });
        await scheduler.wait(2);
        als.run('e', () => ch2.port2.start());
        await scheduler.wait(2);
        """, extra: Log), "port2 back d", "listener q d");

    [Fact] // onmessage first, then the listener, per message; each message its own microtask, before a later then
    public void Order_of_handlers_and_messages() => Expect(HostKit.Test("""
        const ch3 = new MessageChannel();
        ch3.port1.onmessage = () => log('first');
        ch3.port1.addEventListener('message', () => log('second'));
        als.run('x', () => { ch3.port2.postMessage(1); ch3.port2.postMessage(2); Promise.resolve().then(() => log('then')); });
        await scheduler.wait(2);
        console.log(ch3.port1.onmessage !== null, Object.prototype.toString.call(ch3.port1));
        const o = { x: [1, { y: 2 }] }; const ch4 = new MessageChannel();
        ch4.port1.onmessage = (e) => console.log('clone', e.data !== o, JSON.stringify(e.data));
        ch4.port2.postMessage(o);
        try { ch4.port2.postMessage(() => {}); } catch (e) { console.log(e.name); }
        await scheduler.wait(2);
        """, extra: Log),
        "first x", "second x", "first x", "second x", "then x", "true [object MessagePort]", "DataCloneError", "clone true {\"x\":[1,{\"y\":2}]}");
}
