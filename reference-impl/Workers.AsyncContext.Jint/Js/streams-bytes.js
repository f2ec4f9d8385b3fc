// Byte streams (type: 'bytes') and BYOB readers, as far as the reference has them (issue 19, item 2: the rows of
// features/matrix/candidate-frames-source-readable-stream.feature). A byte stream is the default stream with a chunk
// size in bytes and a high-water mark of 0; its controller's enqueue takes an ArrayBufferView and queues a copy. A BYOB
// reader reads the default queue and copies each chunk into the caller's view, keeping what does not fit for the next read.
// Not provided, and so an error rather than a silent difference: controller.byobRequest (always null: the source must
// enqueue) and autoAllocateChunkSize; the caller's buffer is not transferred. Each read's reactions are registered in
// the frame of the read() call, as on workerd (the reactions of the returned promise run where then() registered them).
(function (H, web) {
  'use strict';
  const kit = web.streamKit;

  const byteSize = (chunk) => chunk.byteLength;

  /** The controller of a byte stream: the default controller's record, enqueue copying the view's bytes. */
  function newByteController(c) {
    const pub = c.public;
    const enqueue = pub.enqueue;
    Object.defineProperty(pub, 'enqueue', {
      value(chunk) {
        if (!ArrayBuffer.isView(chunk)) throw new TypeError('The chunk must be an ArrayBufferView');
        return enqueue.call(this, new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength).slice());
      },
      configurable: true, writable: true,
    });
    Object.defineProperty(pub, 'byobRequest', { get: () => null, configurable: true });
    return c;
  }

  const records = new WeakMap();
  const recordOf = (self) => { const r = records.get(self); if (!r) throw kit.illegal(); return r; };
  const released = () => Promise.reject(new TypeError('This reader has been released'));

  /** Copies the reader's leftover bytes, then the next chunk, into view; the result as read() gives it. */
  function readInto(record, view, offset) {
    const target = new Uint8Array(view.buffer, view.byteOffset + offset, view.byteLength - offset);
    const fill = (bytes) => {
      const n = Math.min(bytes.byteLength, target.byteLength);
      target.set(bytes.subarray(0, n));
      record.leftover = n < bytes.byteLength ? bytes.subarray(n) : undefined;
      return n;
    };
    if (record.leftover !== undefined) return Promise.resolve({ n: fill(record.leftover), done: false });
    return kit.promiseRead(record.reader).then((r) => (r.done ? { n: 0, done: true } : { n: fill(r.value), done: false }));
  }
  const resultView = (view, bytes, done) =>
    ({ value: new view.constructor(view.buffer, view.byteOffset, bytes / (view.BYTES_PER_ELEMENT ?? 1)), done });
  const requireView = (view) => {
    if (!ArrayBuffer.isView(view) || view.byteLength === 0) return Promise.reject(new TypeError('The view must be a non-empty ArrayBufferView'));
    return undefined;
  };

  class ReadableStreamBYOBReader {
    constructor() { throw new TypeError('Illegal constructor: use getReader({ mode: "byob" })'); }
    get closed() { return recordOf(this).reader.closed.promise; }
    read(view) {
      const record = recordOf(this);
      if (record.reader.stream === undefined) return released();
      return requireView(view) ?? readInto(record, view, 0).then((r) => resultView(view, r.n, r.done));
    }
    /** workerd's readAtLeast: reads until at least min bytes are in the view, or the stream ends. */
    readAtLeast(min, view) {
      const record = recordOf(this);
      if (record.reader.stream === undefined) return released();
      const bad = requireView(view);
      if (bad) return bad;
      const step = (filled) => readInto(record, view, filled).then((r) =>
        (r.done || filled + r.n >= min || filled + r.n >= view.byteLength ? resultView(view, filled + r.n, r.done && filled + r.n === 0) : step(filled + r.n)));
      return step(0);
    }
    cancel(reason) {
      const record = recordOf(this);
      if (record.reader.stream === undefined) return released();
      return kit.readableStreamCancel(record.reader.stream, reason);
    }
    releaseLock() { const record = recordOf(this); if (record.reader.stream !== undefined) kit.readerRelease(record.reader); }
  }
  Object.defineProperty(ReadableStreamBYOBReader.prototype, Symbol.toStringTag, { value: 'ReadableStreamBYOBReader', configurable: true });

  function acquireByobReader(stream) {
    if (!stream.bytes) throw new TypeError('Cannot get a BYOB reader for a stream that is not a byte stream');
    const pub = Object.create(ReadableStreamBYOBReader.prototype);
    records.set(pub, { reader: kit.acquireReader(stream), leftover: undefined });
    return pub;
  }

  Object.assign(kit, { byteSize, newByteController, acquireByobReader });
  Object.assign(web, { ReadableStreamBYOBReader });
})
