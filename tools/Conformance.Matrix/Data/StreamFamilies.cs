using Conformance.Matrix.Model;

namespace Conformance.Matrix.Data;

/// <summary>
/// The Streams API's callbacks (ReadableStream, WritableStream, TransformStream) and the promises they return. Each
/// source lets the stream's start settle (an await) before another storage's run touches it: the callbacks then run
/// as the WHATWG algorithms call them, in the frame of the call that reaches them, and a promise's reaction in the frame
/// it was registered in. (workerd also differs from the algorithms while start is pending: OBS-MATRIX-STREAMS-1.)
/// </summary>
public static class StreamFamilies
{
    public static SourceFamily Readable { get; } = new(
        "readable-streams", "ReadableStream callbacks, reads and pipes",
        "An underlying source's start runs in the constructing context; pull and cancel run in the context of the read, "
        + "cancel or pipe that calls them; a read's continuation and reader.closed's reaction in the awaiting context "
        + "(OBS-MATRIX-STREAMS-1).",
        Documented: false, ["OBS-MATRIX-STREAMS-1"],
        [
            new("ReadableStream start",
            [
                "const stream = new ReadableStream({ start(controller) { log('start'); controller.enqueue(1); controller.close(); } });",
                "const { value } = await stream.getReader().read();",
                "log('after read');",
            ]),
            new("ReadableStream pull, read from another run",
            [
                "const stream = new ReadableStream({ pull(controller) { log('pull'); controller.enqueue(1); } }, { highWaterMark: 0 });",
                "const reader = stream.getReader();",
                "await null;",
                "await other.run('reader', () => reader.read());",
                "log('after read');",
            ]),
            new("ReadableStream cancel, from another run",
            [
                "const stream = new ReadableStream({ cancel(reason) { log('cancel'); } });",
                "const reader = stream.getReader();",
                "const closed = reader.closed.then(() => log('closed'));",
                "await null;",
                "await other.run('canceller', () => reader.cancel('done'));",
                "log('after cancel');",
                "await closed;",
            ]),
            new("a read fed from another run",
            [
                "let source;",
                "const stream = new ReadableStream({ start(controller) { source = controller; } });",
                "const read = stream.getReader().read().then(() => log('read then'));",
                "await null;",
                "other.run('enqueuer', () => source.enqueue(1));",
                "await read;",
                "log('after read');",
            ]),
            new("pipeTo, from another run",
            [
                "const readable = new ReadableStream({ pull(controller) { log('pull'); controller.enqueue(1); controller.close(); } }, { highWaterMark: 0 });",
                "const writable = new WritableStream({ write() { log('write'); }, close() { log('close'); } });",
                "await null;",
                "await other.run('piper', () => readable.pipeTo(writable));",
                "log('after pipeTo');",
            ]),
            new("pipeThrough, from another run",
            [
                "const readable = new ReadableStream({ start(controller) { controller.enqueue(1); controller.close(); } });",
                "const transform = new TransformStream({ transform(chunk, controller) { log('transform'); controller.enqueue(chunk); }, flush() { log('flush'); } });",
                "await null;",
                "const reader = other.run('piper', () => readable.pipeThrough(transform)).getReader();",
                "await reader.read();",
                "log('after read');",
                "await reader.closed;",
                "log('after closed');",
            ]),
        ]);

    public static SourceFamily WritableAndTransform { get; } = new(
        "writable-and-transform-streams", "WritableStream and TransformStream callbacks",
        "An underlying sink's start runs in the constructing context; write, close and abort, and a transformer's "
        + "transform and flush, run in the context of the write, close or abort that calls them; writer.ready's and "
        + "writer.closed's reactions in the awaiting context (OBS-MATRIX-STREAMS-1).",
        Documented: false, ["OBS-MATRIX-STREAMS-1"],
        [
            new("WritableStream start",
            [
                "const stream = new WritableStream({ start() { log('start'); }, write() { log('write'); } });",
                "const writer = stream.getWriter();",
                "await writer.ready;",
                "log('after ready');",
                "await writer.write(1);",
                "log('after write');",
            ]),
            new("WritableStream write, from another run",
            [
                "const stream = new WritableStream({ write(chunk) { log('write'); } });",
                "const writer = stream.getWriter();",
                "await writer.ready;",
                "const written = other.run('writer', () => writer.write(1));",
                "const ready = writer.ready.then(() => log('ready'));",
                "await written;",
                "log('after write');",
                "await ready;",
            ]),
            new("WritableStream close, from another run",
            [
                "const stream = new WritableStream({ close() { log('close'); } });",
                "const writer = stream.getWriter();",
                "const closed = writer.closed.then(() => log('closed'));",
                "await writer.ready;",
                "await other.run('closer', () => writer.close());",
                "log('after close');",
                "await closed;",
            ]),
            new("WritableStream abort, from another run",
            [
                "const stream = new WritableStream({ abort(reason) { log('abort'); } });",
                "const writer = stream.getWriter();",
                "const closed = writer.closed.catch(() => log('closed rejected'));",
                "await writer.ready;",
                "await other.run('aborter', () => writer.abort('stop'));",
                "log('after abort');",
                "await closed;",
            ]),
            new("TransformStream transform, written from another run",
            [
                "const stream = new TransformStream({ transform(chunk, controller) { log('transform'); controller.enqueue(chunk); } });",
                "const writer = stream.writable.getWriter();",
                "const reader = stream.readable.getReader();",
                "await writer.ready;",
                "const read = other.run('reader', () => reader.read());",
                "await other.run('writer', () => writer.write(1));",
                "log('after write');",
                "await read;",
                "log('after read');",
            ]),
            new("TransformStream flush, closed from another run",
            [
                "const stream = new TransformStream({ flush(controller) { log('flush'); } });",
                "const writer = stream.writable.getWriter();",
                "const reader = stream.readable.getReader();",
                "await writer.ready;",
                "const read = reader.read();",
                "await other.run('closer', () => writer.close());",
                "log('after close');",
                "await read;",
                "log('after read');",
            ]),
        ]);
}
