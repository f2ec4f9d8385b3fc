// ReadableStream with its default controller and default reader (WHATWG Streams section 4; byte streams and BYOB
// readers, as far as the reference has them, are in streams-bytes.js; tee() and ReadableStream.from() are in streams-tee.js). The
// algorithms are the standard's, so a callback runs in the frame of the call that reaches it (OBS-MATRIX-STREAMS-1):
// start in the constructor's, pull in the frame of the read() that calls it (or of the reaction to start, or to the
// previous pull), cancel in cancel()'s. Internals go to web.streamKit for the writable, transform, pipe and tee files.
(function (H, web) {
  'use strict';
  const kit = web.streamKit;
  const { deferred, resolved, rejected, handled, member, dictionary, promiseCall } = kit;

  const records = new WeakMap();
  const recordOf = (self, kind) => { const r = records.get(self); if (!r || r.kind !== kind) throw kit.illegal(); return r; };

  // ---- The stream.
  function initializeReadableStream(stream) {
    Object.assign(stream, { state: 'readable', reader: undefined, storedError: undefined, disturbed: false, controller: undefined });
  }
  const isLocked = (stream) => stream.reader !== undefined;

  function readableStreamCancel(stream, reason) {
    stream.disturbed = true;
    if (stream.state === 'closed') return Promise.resolve(undefined);
    if (stream.state === 'errored') return Promise.reject(stream.storedError);
    readableStreamClose(stream);
    const sourceCancelPromise = stream.controller.cancelSteps(reason);
    return sourceCancelPromise.then(() => undefined);
  }
  function readableStreamClose(stream) {
    stream.state = 'closed';
    const reader = stream.reader;
    if (reader === undefined) return;
    reader.closed.resolve(undefined);
    const requests = reader.readRequests;
    reader.readRequests = [];
    for (const request of requests) request.close();
  }
  function readableStreamError(stream, e) {
    stream.state = 'errored';
    stream.storedError = e;
    const reader = stream.reader;
    if (reader === undefined) return;
    reader.closed.reject(e);
    handled(reader.closed.promise);
    errorReadRequests(reader, e);
  }
  function errorReadRequests(reader, e) {
    const requests = reader.readRequests;
    reader.readRequests = [];
    for (const request of requests) request.error(e);
  }
  function fulfillReadRequest(stream, chunk, done) {
    const request = stream.reader.readRequests.shift();
    if (done) request.close(); else request.chunk(chunk);
  }
  const numReadRequests = (stream) => stream.reader.readRequests.length;

  // ---- The default controller.
  function canCloseOrEnqueue(c) { return !c.closeRequested && c.stream.state === 'readable'; }
  function desiredSize(c) {
    const state = c.stream.state;
    if (state === 'errored') return null;
    if (state === 'closed') return 0;
    return c.strategyHWM - c.queueTotalSize;
  }
  // workerd: a read calls pull even while start is pending (forRead), where the standard waits for start.
  function shouldCallPull(c, forRead = false) {
    if (!canCloseOrEnqueue(c) || (!c.started && !forRead)) return false;
    if (isLocked(c.stream) && numReadRequests(c.stream) > 0) return true;
    return desiredSize(c) > 0;
  }
  function callPullIfNeeded(c, forRead = false) {
    if (!shouldCallPull(c, forRead)) return;
    if (c.pulling) { c.pullAgain = true; return; }
    c.pulling = true;
    c.pullAlgorithm().then(() => {
      c.pulling = false;
      if (c.pullAgain) { c.pullAgain = false; callPullIfNeeded(c); }
    }, (e) => controllerError(c, e));
  }
  function clearAlgorithms(c) { c.pullAlgorithm = undefined; c.cancelAlgorithm = undefined; c.strategySize = undefined; }
  function controllerClose(c) {
    if (!canCloseOrEnqueue(c)) return;
    c.closeRequested = true;
    if (c.queue.length === 0) { clearAlgorithms(c); readableStreamClose(c.stream); }
  }
  function controllerEnqueue(c, chunk) {
    if (!canCloseOrEnqueue(c)) return;
    const stream = c.stream;
    if (isLocked(stream) && numReadRequests(stream) > 0) {
      fulfillReadRequest(stream, chunk, false);
    } else {
      let size;
      try { size = c.strategySize(chunk); kit.enqueueValueWithSize(c, chunk, size); } catch (e) { controllerError(c, e); throw e; }
    }
    callPullIfNeeded(c);
  }
  function controllerError(c, e) {
    if (c.stream.state !== 'readable') return;
    kit.resetQueue(c);
    clearAlgorithms(c);
    readableStreamError(c.stream, e);
  }
  const hasBackpressure = (c) => !shouldCallPull(c);

  function setUpController(stream, c, startAlgorithm, pullAlgorithm, cancelAlgorithm, hwm, size) {
    Object.assign(c, { stream, started: false, closeRequested: false, pullAgain: false, pulling: false,
      strategySize: size, strategyHWM: hwm, pullAlgorithm, cancelAlgorithm });
    kit.resetQueue(c);
    c.cancelSteps = (reason) => { kit.resetQueue(c); const result = c.cancelAlgorithm(reason); clearAlgorithms(c); return result; };
    c.pullSteps = (request) => {
      if (c.queue.length > 0) {
        const chunk = kit.dequeueValue(c);
        if (c.closeRequested && c.queue.length === 0) { clearAlgorithms(c); readableStreamClose(stream); } else callPullIfNeeded(c);
        request.chunk(chunk);
      } else {
        stream.reader.readRequests.push(request);
        callPullIfNeeded(c, true);
      }
    };
    stream.controller = c;
    if (startAlgorithm === undefined) { c.started = true; callPullIfNeeded(c); return; } // workerd: no start method, started at once
    let started;
    try { started = Promise.resolve(startAlgorithm()); } catch (e) { started = Promise.reject(e); } // workerd: a throw errors the stream
    started.then(() => { c.started = true; callPullIfNeeded(c); }, (r) => controllerError(c, r));
  }

  /** CreateReadableStream: a stream whose algorithms are the caller's (TransformStream's readable side). */
  function createReadableStream(startAlgorithm, pullAlgorithm, cancelAlgorithm, hwm = 1, size = () => 1) {
    const pub = Object.create(ReadableStream.prototype);
    const stream = { kind: 'stream', public: pub };
    records.set(pub, stream);
    initializeReadableStream(stream);
    const c = newController();
    setUpController(stream, c, startAlgorithm, pullAlgorithm, cancelAlgorithm, hwm, size);
    return stream;
  }
  function newController() {
    const pub = Object.create(ReadableStreamDefaultController.prototype);
    const c = { kind: 'controller', public: pub };
    records.set(pub, c);
    return c;
  }

  class ReadableStreamDefaultController {
    constructor() { throw new TypeError('Illegal constructor'); }
    get desiredSize() { return desiredSize(recordOf(this, 'controller')); }
    close() {
      const c = recordOf(this, 'controller');
      if (!canCloseOrEnqueue(c)) throw new TypeError('The stream is not in a state that permits close');
      controllerClose(c);
    }
    enqueue(chunk) {
      const c = recordOf(this, 'controller');
      if (!canCloseOrEnqueue(c)) throw new TypeError('The stream is not in a state that permits enqueue');
      controllerEnqueue(c, chunk);
    }
    error(e) { controllerError(recordOf(this, 'controller'), e); }
  }

  // ---- The default reader.
  function acquireReader(stream) {
    if (isLocked(stream)) throw new TypeError('This ReadableStream is currently locked to a reader');
    const pub = Object.create(ReadableStreamDefaultReader.prototype);
    const reader = { kind: 'reader', public: pub, stream, readRequests: [] };
    records.set(pub, reader);
    stream.reader = reader;
    if (stream.state === 'readable') reader.closed = deferred();
    else if (stream.state === 'closed') reader.closed = resolved(undefined);
    else reader.closed = rejected(stream.storedError);
    return reader;
  }
  function readerRead(reader, request) {
    const stream = reader.stream;
    stream.disturbed = true;
    if (stream.state === 'closed') request.close();
    else if (stream.state === 'errored') request.error(stream.storedError);
    else stream.controller.pullSteps(request);
  }
  function readerRelease(reader) {
    const stream = reader.stream;
    const e = new TypeError('This reader has been released');
    if (stream.state === 'readable') reader.closed.reject(e); else reader.closed = rejected(e);
    handled(reader.closed.promise);
    stream.reader = undefined;
    reader.stream = undefined;
    errorReadRequests(reader, e);
  }
  const promiseRead = (reader) => new Promise((resolve, reject) => readerRead(reader, {
    chunk: (value) => resolve({ value, done: false }),
    close: () => resolve({ value: undefined, done: true }),
    error: reject,
  }));

  class ReadableStreamDefaultReader {
    constructor(stream) {
      const reader = acquireReader(recordOf(stream, 'stream'));
      records.delete(reader.public);
      reader.public = this;
      records.set(this, reader);
    }
    get closed() { return recordOf(this, 'reader').closed.promise; }
    read() {
      const reader = recordOf(this, 'reader');
      if (reader.stream === undefined) return Promise.reject(new TypeError('This reader has been released'));
      return promiseRead(reader);
    }
    cancel(reason) {
      const reader = recordOf(this, 'reader');
      if (reader.stream === undefined) return Promise.reject(new TypeError('This reader has been released'));
      return readableStreamCancel(reader.stream, reason);
    }
    releaseLock() { const reader = recordOf(this, 'reader'); if (reader.stream !== undefined) readerRelease(reader); }
  }

  class ReadableStream {
    constructor(underlyingSource, strategy) {
      const source = dictionary(underlyingSource, 'The underlying source');
      const s = dictionary(strategy, 'The strategy');
      const cancel = member(source, 'cancel', true), pull = member(source, 'pull', true), start = member(source, 'start', true);
      const type = member(source, 'type', false);
      const stream = { kind: 'stream', public: this };
      records.set(this, stream);
      initializeReadableStream(stream);
      const bytes = type !== undefined && String(type) === 'bytes';
      if (type !== undefined && !bytes) throw new TypeError(`Invalid type: ${String(type)}`);
      stream.bytes = bytes;
      const size = bytes ? kit.byteSize : kit.extractSizeAlgorithm(s);
      const hwm = kit.extractHighWaterMark(s, bytes ? 0 : 1);
      const c = bytes ? kit.newByteController(newController()) : newController();
      setUpController(stream, c, start === undefined ? undefined : () => start.call(source, c.public),
        () => promiseCall(pull, source, c.public), (reason) => promiseCall(cancel, source, reason), hwm, size);
    }
    get locked() { return isLocked(recordOf(this, 'stream')); }
    cancel(reason) {
      const stream = recordOf(this, 'stream');
      if (isLocked(stream)) return Promise.reject(new TypeError('This ReadableStream is currently locked to a reader'));
      return readableStreamCancel(stream, reason);
    }
    getReader(options) {
      const stream = recordOf(this, 'stream');
      const mode = options === undefined || options === null ? undefined : options.mode;
      if (mode !== undefined) {
        if (String(mode) === 'byob') return kit.acquireByobReader(stream);
        throw new TypeError(`Invalid mode: ${String(mode)}`);
      }
      return acquireReader(stream).public;
    }
    values(options) {
      const reader = acquireReader(recordOf(this, 'stream'));
      const preventCancel = Boolean(options && options.preventCancel);
      const iterator = Object.create(AsyncIteratorPrototype);
      iterator.next = async () => {
        if (reader.stream === undefined) return { value: undefined, done: true };
        const result = await promiseRead(reader).catch((e) => { readerRelease(reader); throw e; });
        if (result.done) readerRelease(reader);
        return result;
      };
      iterator.return = async (value) => {
        if (reader.stream === undefined) return { value, done: true };
        const stream = reader.stream;
        readerRelease(reader);
        if (!preventCancel) await readableStreamCancel(stream, value);
        return { value, done: true };
      };
      return iterator;
    }
    [Symbol.asyncIterator](options) { return this.values(options); }
  }
  const AsyncIteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf(async function* () {}).prototype);
  for (const [C, tag] of [[ReadableStream, 'ReadableStream'], [ReadableStreamDefaultReader, 'ReadableStreamDefaultReader'],
    [ReadableStreamDefaultController, 'ReadableStreamDefaultController']]) {
    Object.defineProperty(C.prototype, Symbol.toStringTag, { value: tag, configurable: true });
  }

  Object.assign(kit, {
    readableRecordOf: (value) => { const r = records.get(value); return r && r.kind === 'stream' ? r : undefined; },
    createReadableStream, readableStreamCancel, acquireReader, readerRead, readerRelease, promiseRead, isLocked,
    readableControllerClose: controllerClose, readableControllerEnqueue: controllerEnqueue, readableControllerError: controllerError,
    readableCanCloseOrEnqueue: canCloseOrEnqueue, readableDesiredSize: desiredSize, readableHasBackpressure: hasBackpressure,
  });
  Object.assign(web, { ReadableStream, ReadableStreamDefaultReader, ReadableStreamDefaultController });
})
