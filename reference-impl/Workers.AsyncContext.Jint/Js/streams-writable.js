// WritableStream with its default controller and default writer (WHATWG Streams section 5). The algorithms are the
// standard's, so a sink's callback runs in the frame of the call that reaches it (OBS-MATRIX-STREAMS-1): start in the
// constructor's; write, close and abort in the frame of the writer's write(), close(), abort() when the stream is
// idle, else in the reaction to the start or to the previous write, which runs where that was registered.
(function (H, web) {
  'use strict';
  const kit = web.streamKit;
  const { deferred, resolved, rejected, handled, member, dictionary, promiseCall } = kit;
  const closeSentinel = Symbol('close');

  const records = new WeakMap();
  const recordOf = (self, kind) => { const r = records.get(self); if (!r || r.kind !== kind) throw kit.illegal(); return r; };

  // ---- The stream.
  const isLocked = (stream) => stream.writer !== undefined;
  const closeQueuedOrInFlight = (s) => s.closeRequest !== undefined || s.inFlightCloseRequest !== undefined;
  const hasOperationMarkedInFlight = (s) => s.inFlightWriteRequest !== undefined || s.inFlightCloseRequest !== undefined;

  function writableStreamAbort(stream, reason) {
    if (stream.state === 'closed' || stream.state === 'errored') return Promise.resolve(undefined);
    stream.controller.abortController.abort(reason);
    if (stream.state === 'closed' || stream.state === 'errored') return Promise.resolve(undefined);
    if (stream.pendingAbortRequest !== undefined) return stream.pendingAbortRequest.promise.promise;
    const wasAlreadyErroring = stream.state === 'erroring';
    if (wasAlreadyErroring) reason = undefined;
    const promise = deferred();
    stream.pendingAbortRequest = { promise, reason, wasAlreadyErroring };
    if (!wasAlreadyErroring) startErroring(stream, reason);
    return promise.promise;
  }
  function writableStreamClose(stream) {
    if (stream.state === 'closed' || stream.state === 'errored') return Promise.reject(new TypeError('The stream is closed or errored'));
    const promise = deferred();
    stream.closeRequest = promise;
    if (stream.writer !== undefined && stream.backpressure && stream.state === 'writable') stream.writer.ready.resolve(undefined);
    kit.enqueueValueWithSize(stream.controller, closeSentinel, 0);
    advanceQueueIfNeeded(stream.controller);
    return promise.promise;
  }
  function dealWithRejection(stream, error) {
    if (stream.state === 'writable') { startErroring(stream, error); return; }
    finishErroring(stream);
  }
  function startErroring(stream, reason) {
    stream.state = 'erroring';
    stream.storedError = reason;
    if (stream.writer !== undefined) ensureRejected(stream.writer, 'ready', reason);
    if (!hasOperationMarkedInFlight(stream) && stream.controller.started) finishErroring(stream);
  }
  function finishErroring(stream) {
    stream.state = 'errored';
    kit.resetQueue(stream.controller);
    const storedError = stream.storedError;
    for (const request of stream.writeRequests.splice(0)) request.reject(storedError);
    const abortRequest = stream.pendingAbortRequest;
    if (abortRequest === undefined) { rejectCloseAndClosedPromiseIfNeeded(stream); return; }
    stream.pendingAbortRequest = undefined;
    if (abortRequest.wasAlreadyErroring) {
      abortRequest.promise.reject(storedError);
      rejectCloseAndClosedPromiseIfNeeded(stream);
      return;
    }
    const c = stream.controller;
    const result = c.abortAlgorithm === undefined ? Promise.resolve(undefined) : c.abortAlgorithm(abortRequest.reason);
    clearAlgorithms(c);
    result.then(() => { abortRequest.promise.resolve(undefined); rejectCloseAndClosedPromiseIfNeeded(stream); },
      (r) => { abortRequest.promise.reject(r); rejectCloseAndClosedPromiseIfNeeded(stream); });
  }
  function finishInFlightClose(stream) {
    stream.inFlightCloseRequest.resolve(undefined);
    stream.inFlightCloseRequest = undefined;
    if (stream.state === 'erroring') {
      stream.storedError = undefined;
      if (stream.pendingAbortRequest !== undefined) { stream.pendingAbortRequest.promise.resolve(undefined); stream.pendingAbortRequest = undefined; }
    }
    stream.state = 'closed';
    if (stream.writer !== undefined) stream.writer.closed.resolve(undefined);
  }
  function finishInFlightCloseWithError(stream, error) {
    stream.inFlightCloseRequest.reject(error);
    stream.inFlightCloseRequest = undefined;
    if (stream.pendingAbortRequest !== undefined) { stream.pendingAbortRequest.promise.reject(error); stream.pendingAbortRequest = undefined; }
    dealWithRejection(stream, error);
  }
  function rejectCloseAndClosedPromiseIfNeeded(stream) {
    if (stream.closeRequest !== undefined) { stream.closeRequest.reject(stream.storedError); stream.closeRequest = undefined; }
    if (stream.writer !== undefined) { stream.writer.closed.reject(stream.storedError); handled(stream.writer.closed.promise); }
    if (stream.onErrored !== undefined) stream.onErrored(stream.storedError);
  }
  function updateBackpressure(stream, backpressure) {
    const writer = stream.writer;
    if (writer !== undefined && backpressure !== stream.backpressure) {
      if (backpressure) writer.ready = deferred(); else writer.ready.resolve(undefined);
    }
    stream.backpressure = backpressure;
  }

  // ---- The default controller.
  const controllerDesiredSize = (c) => c.strategyHWM - c.queueTotalSize;
  const getBackpressure = (c) => controllerDesiredSize(c) <= 0;
  function clearAlgorithms(c) { c.writeAlgorithm = c.closeAlgorithm = c.abortAlgorithm = c.strategySize = undefined; }
  function controllerError(c, e) { clearAlgorithms(c); startErroring(c.stream, e); }
  function errorIfNeeded(c, e) { if (c.stream.state === 'writable') controllerError(c, e); }
  function getChunkSize(c, chunk) {
    if (c.strategySize === undefined) return 1;
    try { return c.strategySize(chunk); } catch (e) { errorIfNeeded(c, e); return 1; }
  }
  function controllerWrite(c, chunk, size) {
    try { kit.enqueueValueWithSize(c, chunk, size); } catch (e) { errorIfNeeded(c, e); return; }
    const stream = c.stream;
    if (!closeQueuedOrInFlight(stream) && stream.state === 'writable') updateBackpressure(stream, getBackpressure(c));
    advanceQueueIfNeeded(c);
  }
  function advanceQueueIfNeeded(c) {
    const stream = c.stream;
    if (!c.started || stream.inFlightWriteRequest !== undefined) return;
    if (stream.state === 'erroring') { finishErroring(stream); return; }
    if (c.queue.length === 0) return;
    if (kit.peekQueueValue(c) === closeSentinel) processClose(c); else processWrite(c, kit.peekQueueValue(c));
  }
  function processClose(c) {
    const stream = c.stream;
    stream.inFlightCloseRequest = stream.closeRequest;
    stream.closeRequest = undefined;
    kit.dequeueValue(c);
    const sinkClosePromise = c.closeAlgorithm();
    clearAlgorithms(c);
    sinkClosePromise.then(() => finishInFlightClose(stream), (r) => finishInFlightCloseWithError(stream, r));
  }
  function processWrite(c, chunk) {
    const stream = c.stream;
    stream.inFlightWriteRequest = stream.writeRequests.shift();
    c.writeAlgorithm(chunk).then(() => {
      stream.inFlightWriteRequest.resolve(undefined);
      stream.inFlightWriteRequest = undefined;
      kit.dequeueValue(c);
      if (!closeQueuedOrInFlight(stream) && stream.state === 'writable') updateBackpressure(stream, getBackpressure(c));
      advanceQueueIfNeeded(c);
    }, (r) => {
      if (stream.state === 'writable') clearAlgorithms(c);
      stream.inFlightWriteRequest.reject(r);
      stream.inFlightWriteRequest = undefined;
      dealWithRejection(stream, r);
    });
  }

  function setUpController(stream, c, startAlgorithm, writeAlgorithm, closeAlgorithm, abortAlgorithm, hwm, size) {
    Object.assign(c, { stream, started: false, strategySize: size, strategyHWM: hwm, writeAlgorithm, closeAlgorithm, abortAlgorithm,
      abortController: new web.AbortController() });
    kit.resetQueue(c);
    stream.controller = c;
    updateBackpressure(stream, getBackpressure(c));
    if (startAlgorithm === undefined) { c.started = true; return; } // workerd: a sink with no start method starts at once
    let started;
    try { started = Promise.resolve(startAlgorithm()); } catch (e) { started = Promise.reject(e); } // workerd: a throw errors the stream
    started.then(() => { c.started = true; advanceQueueIfNeeded(c); },
      (r) => { c.started = true; dealWithRejection(stream, r); });
  }
  function initializeWritableStream(stream) {
    Object.assign(stream, { state: 'writable', storedError: undefined, writer: undefined, controller: undefined, inFlightWriteRequest: undefined,
      closeRequest: undefined, inFlightCloseRequest: undefined, pendingAbortRequest: undefined, writeRequests: [], backpressure: false, onErrored: undefined });
  }
  function newController() {
    const pub = Object.create(WritableStreamDefaultController.prototype);
    const c = { kind: 'controller', public: pub };
    records.set(pub, c);
    return c;
  }
  /** CreateWritableStream: a stream whose algorithms are the caller's (TransformStream's writable side). */
  function createWritableStream(startAlgorithm, writeAlgorithm, closeAlgorithm, abortAlgorithm, hwm, size) {
    const pub = Object.create(WritableStream.prototype);
    const stream = { kind: 'stream', public: pub };
    records.set(pub, stream);
    initializeWritableStream(stream);
    setUpController(stream, newController(), startAlgorithm, writeAlgorithm, closeAlgorithm, abortAlgorithm, hwm, size);
    return stream;
  }

  class WritableStreamDefaultController {
    constructor() { throw new TypeError('Illegal constructor'); }
    get signal() { return recordOf(this, 'controller').abortController.signal; }
    error(e) { const c = recordOf(this, 'controller'); if (c.stream.state === 'writable') controllerError(c, e); }
  }

  // ---- The default writer.
  /** EnsureReadyPromiseRejected and EnsureClosedPromiseRejected: key is 'ready' or 'closed'. */
  function ensureRejected(writer, key, e) {
    if (writer[key].settled) writer[key] = rejected(e); else { writer[key].reject(e); handled(writer[key].promise); }
  }
  function acquireWriter(stream) {
    if (isLocked(stream)) throw new TypeError('This WritableStream is currently locked to a writer');
    const pub = Object.create(WritableStreamDefaultWriter.prototype);
    const writer = { kind: 'writer', public: pub, stream };
    records.set(pub, writer);
    stream.writer = writer;
    const state = stream.state;
    if (state === 'writable') {
      writer.ready = !closeQueuedOrInFlight(stream) && stream.backpressure ? deferred() : resolved(undefined);
      writer.closed = deferred();
    } else if (state === 'erroring') {
      Object.assign(writer, { ready: rejected(stream.storedError), closed: deferred() });
    } else if (state === 'closed') {
      Object.assign(writer, { ready: resolved(undefined), closed: resolved(undefined) });
    } else {
      writer.ready = rejected(stream.storedError);
      writer.closed = rejected(stream.storedError);
    }
    return writer;
  }
  function writerRelease(writer) {
    const e = new TypeError('This writer has been released');
    ensureRejected(writer, 'ready', e);
    ensureRejected(writer, 'closed', e);
    writer.stream.writer = undefined;
    writer.stream = undefined;
  }
  function writerWrite(writer, chunk) {
    const stream = writer.stream;
    const c = stream.controller;
    const size = getChunkSize(c, chunk);
    if (stream !== writer.stream) return Promise.reject(new TypeError('This writer has been released'));
    if (stream.state === 'errored') return Promise.reject(stream.storedError);
    if (closeQueuedOrInFlight(stream) || stream.state === 'closed') return Promise.reject(new TypeError('The stream is closing or closed'));
    if (stream.state === 'erroring') return Promise.reject(stream.storedError);
    const promise = deferred();
    stream.writeRequests.push(promise);
    controllerWrite(c, chunk, size);
    return promise.promise;
  }
  function writerCloseWithErrorPropagation(writer) {
    const stream = writer.stream;
    if (closeQueuedOrInFlight(stream) || stream.state === 'closed') return Promise.resolve(undefined);
    if (stream.state === 'errored') return Promise.reject(stream.storedError);
    return writableStreamClose(stream);
  }
  const released = () => Promise.reject(new TypeError('This writer has been released'));

  class WritableStreamDefaultWriter {
    constructor(stream) {
      const writer = acquireWriter(recordOf(stream, 'stream'));
      records.delete(writer.public);
      writer.public = this;
      records.set(this, writer);
    }
    get closed() { return recordOf(this, 'writer').closed.promise; }
    get ready() { return recordOf(this, 'writer').ready.promise; }
    get desiredSize() {
      const writer = recordOf(this, 'writer');
      if (writer.stream === undefined) throw new TypeError('This writer has been released');
      const state = writer.stream.state;
      if (state === 'errored' || state === 'erroring') return null;
      return state === 'closed' ? 0 : controllerDesiredSize(writer.stream.controller);
    }
    abort(reason) { const w = recordOf(this, 'writer'); return w.stream === undefined ? released() : writableStreamAbort(w.stream, reason); }
    close() {
      const w = recordOf(this, 'writer');
      if (w.stream === undefined) return released();
      if (closeQueuedOrInFlight(w.stream)) return Promise.reject(new TypeError('The stream is closing'));
      return writableStreamClose(w.stream);
    }
    releaseLock() { const w = recordOf(this, 'writer'); if (w.stream !== undefined) writerRelease(w); }
    write(chunk) { const w = recordOf(this, 'writer'); return w.stream === undefined ? released() : writerWrite(w, chunk); }
  }

  class WritableStream {
    constructor(underlyingSink, strategy) {
      const sink = dictionary(underlyingSink, 'The underlying sink');
      const s = dictionary(strategy, 'The strategy');
      const abort = member(sink, 'abort', true), close = member(sink, 'close', true), start = member(sink, 'start', true);
      const write = member(sink, 'write', true); // workerd ignores a sink's type
      const stream = { kind: 'stream', public: this };
      records.set(this, stream);
      initializeWritableStream(stream);
      const size = kit.extractSizeAlgorithm(s);
      const hwm = kit.extractHighWaterMark(s, 1);
      const c = newController();
      setUpController(stream, c, start === undefined ? undefined : () => start.call(sink, c.public),
        (chunk) => promiseCall(write, sink, chunk, c.public), () => promiseCall(close, sink), (reason) => promiseCall(abort, sink, reason), hwm, size);
    }
    get locked() { return isLocked(recordOf(this, 'stream')); }
    abort(reason) {
      const stream = recordOf(this, 'stream');
      return isLocked(stream) ? Promise.reject(new TypeError('This WritableStream is locked')) : writableStreamAbort(stream, reason);
    }
    close() {
      const stream = recordOf(this, 'stream');
      if (isLocked(stream)) return Promise.reject(new TypeError('This WritableStream is locked'));
      if (closeQueuedOrInFlight(stream)) return Promise.reject(new TypeError('The stream is closing'));
      return writableStreamClose(stream);
    }
    getWriter() { return acquireWriter(recordOf(this, 'stream')).public; }
  }
  for (const [C, tag] of [[WritableStream, 'WritableStream'], [WritableStreamDefaultWriter, 'WritableStreamDefaultWriter'],
    [WritableStreamDefaultController, 'WritableStreamDefaultController']]) {
    Object.defineProperty(C.prototype, Symbol.toStringTag, { value: tag, configurable: true });
  }

  Object.assign(kit, {
    writableRecordOf: (value) => { const r = records.get(value); return r && r.kind === 'stream' ? r : undefined; },
    createWritableStream, writableStreamAbort, acquireWriter, writerRelease, writerWrite, writerCloseWithErrorPropagation,
    writableIsLocked: isLocked, writableCloseQueuedOrInFlight: closeQueuedOrInFlight, writableErrorIfNeeded: errorIfNeeded,
  });
  Object.assign(web, { WritableStream, WritableStreamDefaultWriter, WritableStreamDefaultController });
})
