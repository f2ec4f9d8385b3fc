using Conformance.Matrix.Model;

namespace Conformance.Matrix.Data;

/// <summary>
/// Sources from node:events (nodejs_compat): an EventEmitter's listeners capture no context and run in the frame that
/// calls emit(); an EventEmitterAsyncResource's run in the frame it was created in.
/// </summary>
public static class NodeEventsFamilies
{
    private static readonly string[] Imports = ["import { EventEmitter, EventEmitterAsyncResource, once } from 'node:events';"];

    private static AsyncSource Emitter(string label, params string[] operation) => new(label, operation, Imports);

    public static SourceFamily EventEmitters { get; } = new(
        "node-event-emitter", "EventEmitter of node:events",
        "An EventEmitter listener, added with on or once, captures no context: it runs in the context of the code that "
        + "calls emit(); a promise from events.once resumes its awaiter in the awaiter's context (OBS-MATRIX-EVENT-EMITTER-1).",
        Documented: false, ["OBS-MATRIX-EVENT-EMITTER-1"],
        [
            Emitter("EventEmitter on and once, emitted here",
                "const emitter = new EventEmitter();", "emitter.on('ping', () => log('on listener'));",
                "emitter.once('ping', () => log('once listener'));", "emitter.emit('ping');", "emitter.emit('ping');"),
            Emitter("EventEmitter on, emitted from another run",
                "const emitter = new EventEmitter();", "emitter.on('ping', () => log('on listener'));",
                "other.run('emitter', () => emitter.emit('ping'));"),
            Emitter("EventEmitter listener added in another run, emitted here",
                "const emitter = new EventEmitter();", "other.run('listener', () => emitter.once('ping', () => log('once listener')));",
                "emitter.emit('ping');"),
            Emitter("events.once, emitted from another run",
                "const emitter = new EventEmitter();", "const pending = once(emitter, 'ping');",
                "other.run('emitter', () => emitter.emit('ping'));", "await pending;", "log('after events.once');"),
        ]);

    public static SourceFamily AsyncResources { get; } = new(
        "node-event-emitter-async-resource", "EventEmitterAsyncResource of node:events",
        "An EventEmitterAsyncResource runs its listeners in the context current when the emitter was created, wherever "
        + "emit() is called and wherever the listener was added (OBS-MATRIX-EVENT-EMITTER-ASYNC-RESOURCE-1).",
        Documented: false, ["OBS-MATRIX-EVENT-EMITTER-ASYNC-RESOURCE-1"],
        [
            Emitter("EventEmitterAsyncResource, emitted from another run",
                "const emitter = new EventEmitterAsyncResource({ name: 'matrix' });",
                "emitter.on('ping', () => log('resource listener'));", "other.run('emitter', () => emitter.emit('ping'));"),
            Emitter("EventEmitterAsyncResource made in another run, emitted here",
                "const emitter = other.run('creator', () => new EventEmitterAsyncResource({ name: 'matrix' }));",
                "emitter.on('ping', () => log('resource listener'));", "emitter.emit('ping');"),
        ]);
}
