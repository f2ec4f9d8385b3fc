using Conformance.Matrix.Model;
using static Conformance.Matrix.Data.FrameReasons;

namespace Conformance.Matrix.Data;

/// <summary>Discriminating rows (issue 19, item 2) of node:events and of the Streams API.</summary>
public static class NodeAndStreamFrameRows
{
    private static readonly string[] EventsImport = ["import { EventEmitter, EventEmitterAsyncResource, once } from 'node:events';"];

    public static FrameFamily EventEmitters { get; } = new(NodeEventsFamilies.EventEmitters,
    [
        new("an EventEmitter on listener", "new EventEmitter()", "object.on('ping', callback)", "object.emit('ping', 'arg')", "who(this, object), args[0]"),
        new("an EventEmitter once listener", "new EventEmitter()", "object.once('ping', callback)", "object.emit('ping', 'arg')", "who(this, object), args[0]"),
        new("a then handler of events.once", "new EventEmitter()", "once(object, 'ping').then(callback)", "object.emit('ping', 'arg')", "who(this), args[0][0]"),
    ], EventsImport);

    public static FrameFamily AsyncResources { get; } = new(NodeEventsFamilies.AsyncResources,
    [
        new("an EventEmitterAsyncResource listener", "new EventEmitterAsyncResource({ name: 'rows' })", "object.on('ping', callback)",
            "object.emit('ping', 'arg')", "who(this, object), args[0]"),
    ], EventsImport);

    public static FrameFamily Readable { get; } = new(StreamFamilies.Readable,
    [
        new("ReadableStream start", "new ReadableStream({ start: callback })", "", "", "who(this), typeof args[0].enqueue",
            [GivenToConstructor, ConstructorCalls]),
        new("ReadableStream pull", "new ReadableStream({ pull: callback }, { highWaterMark: 0 })", "", "object.getReader().read()",
            "who(this), typeof args[0].enqueue", [GivenToConstructor]),
        new("ReadableStream cancel", "new ReadableStream({ cancel: callback })", "", "object.cancel('done')", "who(this), args[0]",
            [GivenToConstructor]),
        new("a then handler of a read",
            "(() => { let source; const stream = new ReadableStream({ start(controller) { source = controller; } }); return { source, reader: stream.getReader() }; })()",
            "object.reader.read().then(callback)", "object.source.enqueue(1)", "who(this), args[0].value"),
        new("a sink write reached by pipeTo",
            "({ readable: new ReadableStream({ start(controller) { controller.enqueue(1); controller.close(); } }), writable: new WritableStream({ write: callback }) })",
            "", "object.readable.pipeTo(object.writable)", "who(this), args[0]", [GivenToConstructor]),
    ]);

    /// <summary>A transformer's rows read once in the creation step, so the writable side has no backpressure when the trigger writes.</summary>
    public static FrameFamily WritableAndTransform { get; } = new(StreamFamilies.WritableAndTransform,
    [
        new("WritableStream start", "new WritableStream({ start: callback })", "", "", "who(this), typeof args[0].error",
            [GivenToConstructor, ConstructorCalls]),
        new("WritableStream write", "new WritableStream({ write: callback })", "", "object.getWriter().write(1)", "who(this), args[0]",
            [GivenToConstructor]),
        new("WritableStream close", "new WritableStream({ close: callback })", "", "object.getWriter().close()", "who(this), args.length",
            [GivenToConstructor]),
        new("WritableStream abort", "new WritableStream({ abort: callback })", "", "object.getWriter().abort('stop')", "who(this), args[0]",
            [GivenToConstructor]),
        new("TransformStream transform",
            "(() => { const stream = new TransformStream({ transform: callback }); stream.readable.getReader().read(); return stream; })()",
            "", "object.writable.getWriter().write(1)", "who(this), args[0]", [GivenToConstructor]),
        new("TransformStream flush",
            "(() => { const stream = new TransformStream({ flush: callback }); stream.readable.getReader().read(); return stream; })()",
            "", "object.writable.getWriter().close()", "who(this), typeof args[0].enqueue", [GivenToConstructor]),
    ]);
}
