using Conformance.Matrix.Model;

namespace Conformance.Matrix.Data;

/// <summary>Recipes (issue 19, item 2) for every async source of node:events: emitters made in run('creation'), listeners
/// added in run('registration'), the emit (or removal, or abort) in run('trigger').</summary>
public static class NodeEventsRecipes
{
    private const string Emitter = "new EventEmitter()";
    private const string Emit = "object.emit('ping', 'arg')";
    private const string Listener = "who(this, object), args[0]";
    private const string WithNoop = "Object.assign(new EventEmitter(), { noop() {} })";

    public static SourceRecipes Events { get; } = new("node:events", "node-events", "node:events",
    [
        new("EventEmitter.prototype.addListener", "the listener", "events addListener, the listener", Emitter, "object.addListener('ping', callback)", Emit, Listener),
        new("EventEmitter.prototype.once", "the listener, once", "events once method, the listener", Emitter, "object.once('ping', callback)", Emit, Listener),
        new("EventEmitter.prototype.prependListener", "the listener, first", "events prependListener, the listener", Emitter,
            "object.prependListener('ping', callback)", Emit, Listener),
        new("EventEmitter.prototype.prependOnceListener", "the listener, first and once", "events prependOnceListener, the listener", Emitter,
            "object.prependOnceListener('ping', callback)", Emit, Listener),
        new("EventEmitter.prototype.off", "the emitter's 'removeListener' listeners", "events off, a removeListener listener", WithNoop,
            "object.on('ping', object.noop); object.on('removeListener', callback)", "object.off('ping', object.noop)", Listener),
        new("EventEmitter.prototype.removeAllListeners", "the emitter's 'removeListener' listeners", "events removeAllListeners, a removeListener listener",
            WithNoop, "object.on('ping', object.noop); object.on('removeListener', callback)", "object.removeAllListeners('ping')", Listener),
        new("EventEmitter.prototype.emit", "every listener of the event", "events emit, an on listener", Emitter, "object.on('ping', callback)", Emit, Listener),
        new("EventEmitterAsyncResource.prototype.emit", "every listener of the event", "events EventEmitterAsyncResource emit, an on listener",
            "new EventEmitterAsyncResource({ name: 'rows' })", "object.on('ping', callback)", Emit, Listener),
        new("addAbortListener", "the listener", "events addAbortListener, the listener", "new AbortController()",
            "addAbortListener(object.signal, callback)", "object.abort()", "who(this, object.signal), args[0].type"),
        new("on", "the reactions of each next()", "events on, the then of its iterator next", Emitter,
            "const iterator = on(object, 'ping'); stop = () => iterator.return(); iterator.next().then(callback)", Emit,
            "who(this), args[0].value[0]"),
        new("once", "the reactions of the returned promise", "events once function, its promise then", Emitter,
            "once(object, 'ping').then(callback)", Emit, "who(this), args[0][0]"),
    ], ["import { EventEmitter, EventEmitterAsyncResource, addAbortListener, on, once } from 'node:events';"]);
}
