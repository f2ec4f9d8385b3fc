using Conformance.Matrix.Model;
using static Conformance.Matrix.Data.FrameReasons;
using static Conformance.Matrix.Data.SourceFrameReasons;

namespace Conformance.Matrix.Data;

/// <summary>
/// Recipes (issue 19, item 2) for the Streams API: the underlying source's, sink's and transformer's methods, and the
/// reactions of every promise a stream, a reader or a writer returns (reader.closed, writer.ready and writer.closed too), and
/// a for-await body over a stream. A promise the program settles through a gate (<c>deferred()</c>) is settled in run('trigger').
/// </summary>
public static class GlobalStreamRecipes
{
    private const string Reactions = "the reactions of the returned promise";
    private const string Next = "the reactions of each next()";
    private const string Methods = "the methods of the object passed";

    /// <summary>A readable stream whose controller the program keeps (<c>object.source</c>), and its default reader.</summary>
    private const string Fed =
        "(() => { let source; const stream = new ReadableStream({ start(controller) { source = controller; } }); return { source, stream, reader: stream.getReader() }; })()";

    /// <summary>The same, unlocked: the stream itself is iterated.</summary>
    private const string FedStream =
        "(() => { let source; const stream = new ReadableStream({ start(controller) { source = controller; } }); return { source, stream }; })()";

    /// <summary>A byte stream whose controller the program keeps, and its BYOB reader.</summary>
    private const string FedBytes =
        "(() => { let source; const stream = new ReadableStream({ type: 'bytes', start(controller) { source = controller; } }); return { source, reader: stream.getReader({ mode: 'byob' }) }; })()";

    /// <summary>A readable stream whose cancel waits on the gate, and its reader.</summary>
    private const string CancelGated =
        "(() => { const gate = deferred(); const stream = new ReadableStream({ cancel: () => gate.promise }); return { gate, stream, reader: stream.getReader({ mode: '<mode>' }) }; })()";

    /// <summary>A writable stream whose write, close and abort wait on the gate, and its writer.</summary>
    private const string Gated =
        "(() => { const gate = deferred(); const stream = new WritableStream({ write: () => gate.promise, close: () => gate.promise, abort: () => gate.promise }, { highWaterMark: 1 }); return { gate, stream }; })()";

    private const string GatedWriter =
        "(() => { const gate = deferred(); const writer = new WritableStream({ write: () => gate.promise, close: () => gate.promise, abort: () => gate.promise }, { highWaterMark: 1 }).getWriter(); return { gate, writer }; })()";

    private const string Open = "object.gate.resolve()";
    private const string Settled = "who(this), args[0]";

    public static SourceRecipes Readable { get; } = new("globals", "readable-stream", "ReadableStream and its readers",
    [
        new("ReadableStream", Methods, "ReadableStream, the source start", "new ReadableStream({ start: callback })", "", "",
            "who(this), typeof args[0].enqueue", [GivenToConstructor, ConstructorCalls]),
        new("ReadableStream", Methods, "ReadableStream, the source pull", "new ReadableStream({ pull: callback }, { highWaterMark: 0 })", "",
            "object.getReader().read()", "who(this), typeof args[0].enqueue", [GivenToConstructor]),
        new("ReadableStream", Methods, "ReadableStream, the source cancel", "new ReadableStream({ cancel: callback })", "",
            "object.cancel('done')", "who(this), args[0]", [GivenToConstructor]),
        new("ReadableStream.from", "the iterable's next", "ReadableStream.from, the async iterator next",
            "ReadableStream.from({ [Symbol.asyncIterator]() { return { next: callback }; } })", "",
            "object.getReader().read().catch(() => {})", "args.length", [GivenToConstructor]),
        new("ReadableStream.prototype.[Symbol.asyncIterator]", Next, "ReadableStream async iteration, a for-await body", FedStream,
            "(async () => { for await (const chunk of object.stream) { callback(chunk); break; } })()", "object.source.enqueue('chunk')", "args[0]"),
        new("ReadableStream.prototype.values", Next, "ReadableStream values, the then of its iterator next", FedStream,
            "object.stream.values().next().then(callback)", "object.source.enqueue('chunk')", "who(this), args[0].value"),
        new("ReadableStream.prototype.cancel", Reactions, "ReadableStream cancel, its promise then",
            "(() => { const gate = deferred(); return { gate, stream: new ReadableStream({ cancel: () => gate.promise }) }; })()",
            "object.stream.cancel('done').then(callback)", Open, Settled),
        new("ReadableStream.prototype.pipeThrough", "the source's pull", "ReadableStream pipeThrough, the transformer transform",
            "({ readable: new ReadableStream({ start(controller) { controller.enqueue(1); controller.close(); } }), transform: new TransformStream({ transform: callback }) })",
            "", "object.readable.pipeThrough(object.transform).getReader().read()", "who(this), args[0]", [GivenToConstructor]),
        new("ReadableStream.prototype.pipeTo", Reactions, "ReadableStream pipeTo, its promise then",
            "(() => { let source; const readable = new ReadableStream({ start(controller) { source = controller; } }); return { source, readable, writable: new WritableStream() }; })()",
            "object.readable.pipeTo(object.writable).then(callback)", "object.source.close()", Settled),
        new("ReadableStream.prototype.pipeTo", "the source's pull and the sink's write", "ReadableStream pipeTo, the sink write",
            "({ readable: new ReadableStream({ start(controller) { controller.enqueue(1); controller.close(); } }), writable: new WritableStream({ write: callback }) })",
            "", "object.readable.pipeTo(object.writable)", "who(this), args[0]", [GivenToConstructor]),
        new("ReadableStreamDefaultReader.prototype.read", Reactions, "ReadableStreamDefaultReader read, its promise then", Fed,
            "object.reader.read().then(callback)", "object.source.enqueue('chunk')", "who(this), args[0].value"),
        new("ReadableStreamDefaultReader.prototype.cancel", Reactions, "ReadableStreamDefaultReader cancel, its promise then",
            CancelGated.Replace("{ mode: '<mode>' }", ""), "object.reader.cancel('done').then(callback)", Open, Settled),
        new("ReadableStreamDefaultReader.prototype.closed", Reactions, "ReadableStreamDefaultReader closed, its then", Fed,
            "object.reader.closed.then(callback)", "object.source.close()", Settled),
        new("ReadableStreamBYOBReader.prototype.read", Reactions, "ReadableStreamBYOBReader read, its promise then", FedBytes,
            "object.reader.read(new Uint8Array(4)).then(callback)", "object.source.enqueue(new Uint8Array([7]))", "who(this), args[0].value[0]"),
        new("ReadableStreamBYOBReader.prototype.readAtLeast", Reactions, "ReadableStreamBYOBReader readAtLeast, its promise then", FedBytes,
            "object.reader.readAtLeast(1, new Uint8Array(4)).then(callback)", "object.source.enqueue(new Uint8Array([7]))",
            "who(this), args[0].value[0]"),
        new("ReadableStreamBYOBReader.prototype.cancel", Reactions, "ReadableStreamBYOBReader cancel, its promise then",
            CancelGated.Replace("cancel: () => gate.promise", "type: 'bytes', cancel: () => gate.promise").Replace("<mode>", "byob"),
            "object.reader.cancel('done').then(callback)", Open, Settled),
        new("ReadableStreamBYOBReader.prototype.closed", Reactions, "ReadableStreamBYOBReader closed, its then", FedBytes,
            "object.reader.closed.then(callback)", "object.source.close()", Settled),
    ]);

    public static SourceRecipes Writable { get; } = new("globals", "writable-stream", "WritableStream, its writers and TransformStream",
    [
        new("WritableStream", Methods, "WritableStream, the sink start", "new WritableStream({ start: callback })", "", "",
            "who(this), typeof args[0].error", [GivenToConstructor, ConstructorCalls]),
        new("WritableStream", Methods, "WritableStream, the sink write", "new WritableStream({ write: callback })", "",
            "object.getWriter().write('chunk')", "who(this), args[0]", [GivenToConstructor]),
        new("WritableStream", Methods, "WritableStream, the sink close", "new WritableStream({ close: callback })", "",
            "object.getWriter().close()", "who(this), args.length", [GivenToConstructor]),
        new("WritableStream", Methods, "WritableStream, the sink abort", "new WritableStream({ abort: callback })", "",
            "object.getWriter().abort('stop')", "who(this), args[0]", [GivenToConstructor]),
        new("WritableStream.prototype.abort", Reactions, "WritableStream abort, its promise then", Gated,
            "object.stream.abort('stop').then(callback)", Open, Settled),
        new("WritableStream.prototype.close", Reactions, "WritableStream close, its promise then", Gated,
            "object.stream.close().then(callback)", Open, Settled),
        new("WritableStreamDefaultWriter.prototype.abort", Reactions, "WritableStreamDefaultWriter abort, its promise then", GatedWriter,
            "object.writer.abort('stop').then(callback)", Open, Settled),
        new("WritableStreamDefaultWriter.prototype.close", Reactions, "WritableStreamDefaultWriter close, its promise then", GatedWriter,
            "object.writer.close().then(callback)", Open, Settled),
        new("WritableStreamDefaultWriter.prototype.closed", Reactions, "WritableStreamDefaultWriter closed, its then", GatedWriter,
            "object.writer.closed.then(callback)", "object.writer.close(); object.gate.resolve()", Settled),
        new("WritableStreamDefaultWriter.prototype.ready", Reactions, "WritableStreamDefaultWriter ready, its then under backpressure",
            GatedWriter.Replace("return { gate, writer };", "writer.write('chunk'); return { gate, writer };"), "object.writer.ready.then(callback)", Open, Settled),
        new("WritableStreamDefaultWriter.prototype.write", Reactions, "WritableStreamDefaultWriter write, its promise then", GatedWriter,
            "object.writer.write('chunk').then(callback)", Open, Settled),
        new("TransformStream", Methods, "TransformStream, the transformer transform",
            "(() => { const stream = new TransformStream({ transform: callback }); stream.readable.getReader().read(); return stream; })()",
            "", "object.writable.getWriter().write('chunk')", "who(this), args[0]", [GivenToConstructor]),
        new("TransformStream", Methods, "TransformStream, the transformer flush",
            "(() => { const stream = new TransformStream({ flush: callback }); stream.readable.getReader().read(); return stream; })()",
            "", "object.writable.getWriter().close()", "who(this), typeof args[0].enqueue", [GivenToConstructor]),
    ]);
}
