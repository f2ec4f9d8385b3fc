using Workers.AsyncContext.Jint;
using Xunit;

namespace ReferenceImpl.Tests;

/// <summary>
/// node:events on the reference host, each expectation as workerd 2026-11-17 printed it for the same program:
/// an EventEmitter listener runs in the frame of emit()'s caller (OBS-MATRIX-EVENT-EMITTER-1), an
/// EventEmitterAsyncResource's in the frame it was created in (OBS-MATRIX-EVENT-EMITTER-ASYNC-RESOURCE-1).
/// </summary>
public class HostNodeEventsTests
{
    private static void Expect(HostKit.Run run, params string[] lines)
    {
        Assert.True(run.Result.Outcome == WorkerOutcome.Completed, $"{run.Result} stderr: {string.Join(" | ", run.Err)}");
        Assert.Equal(lines, run.Out);
    }

    private const string Imports = """
        import EventEmitter, { EventEmitterAsyncResource, once } from 'node:events';
        import * as events from 'node:events';
        const log = (tag) => console.log(tag, String(als.getStore()));

        """;

    [Fact] // registered in R, emitted in E: the listener sees E; prepend, once and off keep Node's order and counts
    public void Listeners_run_in_the_frame_of_emit_in_registration_order() => Expect(HostKit.Test("""
        const e = als.run('R', () => { const e = new EventEmitter(); e.on('x', function (a, b) { log('on ' + a + b + ' ' + (this === e)); }); return e; });
        e.prependListener('x', () => log('prepended'));
        const once1 = () => log('once');
        e.once('x', once1);
        console.log(als.run('E', () => e.emit('x', 1, 2)), e.listenerCount('x'));
        e.once('x', once1); e.off('x', once1);
        console.log(e.emit('x', 3, 4), e.emit('nothing'), e.eventNames().join());
        try { e.emit('error', new RangeError('boom')); } catch (x) { console.log('threw', x.name); }
        """, extra: Imports),
        "prepended E", "on 12 true E", "once E", "true 2", "prepended undefined", "on 34 true undefined", "true false x", "threw RangeError");

    [Fact] // the promise resolves with the event's arguments, rejects on 'error' and removes both of its listeners
    public void Events_once_resolves_with_the_arguments_and_rejects_on_error() => Expect(HostKit.Test("""
        const e = new EventEmitter();
        const p = als.run('W', () => once(e, 'q'));
        als.run('E', () => e.emit('q', 1, 2));
        console.log(JSON.stringify(await p));
        const rejected = once(e, 'q'); e.emit('error', new TypeError('bad'));
        try { await rejected; } catch (x) { console.log('once rejected', x.name, e.listenerCount('q'), e.listenerCount('error')); }
        """, extra: Imports), "[1,2]", "once rejected TypeError 0 0");

    [Fact] // created in C, listener added in L, emitted in E: the listener sees C
    public void An_EventEmitterAsyncResource_runs_its_listeners_in_its_creation_frame() => Expect(HostKit.Test("""
        const r = als.run('C', () => new EventEmitterAsyncResource({ name: 'matrix' }));
        als.run('L', () => r.on('y', () => log('resource listener')));
        als.run('E', () => r.emit('y'));
        console.log(r.asyncResource.constructor.name, r.asyncResource.eventEmitter === r, r.asyncResource.asyncId(), typeof r.asyncId);
        console.log(EventEmitter === events.EventEmitter, EventEmitter.EventEmitter === EventEmitter, EventEmitter.once === once,
          EventEmitter.EventEmitterAsyncResource === EventEmitterAsyncResource, r instanceof EventEmitter);
        """, extra: Imports), "resource listener C", "EventEmitterReferencingAsyncResource true 0 undefined", "true true true true true");

    [Fact] // workerd: a bundle module first loaded by import() inside run evaluates its top level in the importer's frame
    public void A_module_first_loaded_by_dynamic_import_evaluates_in_the_importers_frame()
    {
        var run = HostKit.Worker(HostKit.Prelude + """
            globalThis.als = als;
            export default { async test() {
              const m = await als.run('a', () => import('./extra.mjs'));
              console.log('after import', m.x, String(als.getStore()));
              await als.run('b', async () => { await import('./extra.mjs'); console.log('again', String(als.getStore())); });
            } };
            """, extraModules: new Dictionary<string, string> { ["extra.mjs"] = "export const x = 1; console.log('extra top level', String(globalThis.als.getStore()));" });
        Expect(run, "extra top level a", "after import 1 undefined", "again b");
    }
}
