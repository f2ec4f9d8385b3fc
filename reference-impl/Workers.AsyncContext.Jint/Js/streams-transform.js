// TransformStream and its default controller (WHATWG Streams section 6), over the readable and writable files' internals.
// The algorithms are the standard's, so transform runs in the frame of the writable side's write() once the stream has
// started and a read waits (else in the reaction to the backpressure change, registered by that write), flush in the
// frame of close() (OBS-MATRIX-STREAMS-1).
(function (H, web) {
  'use strict';
  const kit = web.streamKit;
  const { deferred, member, dictionary, promiseCall } = kit;

  const records = new WeakMap();
  const recordOf = (self, kind) => { const r = records.get(self); if (!r || r.kind !== kind) throw kit.illegal(); return r; };

  function setBackpressure(stream, backpressure) {
    if (stream.backpressureChange !== undefined) stream.backpressureChange.resolve(undefined);
    stream.backpressureChange = deferred();
    stream.backpressure = backpressure;
  }
  function unblockWrite(stream) { if (stream.backpressure) setBackpressure(stream, false); }
  function errorWritableAndUnblockWrite(stream, e) {
    clearAlgorithms(stream.controller);
    kit.writableErrorIfNeeded(stream.writable.controller, e);
    unblockWrite(stream);
  }
  function transformStreamError(stream, e) {
    kit.readableControllerError(stream.readable.controller, e);
    errorWritableAndUnblockWrite(stream, e);
  }
  function clearAlgorithms(c) { c.transformAlgorithm = c.flushAlgorithm = c.cancelAlgorithm = undefined; }

  function controllerEnqueue(c, chunk) {
    const stream = c.stream;
    const rc = stream.readable.controller;
    if (!kit.readableCanCloseOrEnqueue(rc)) throw new TypeError('The readable side is not in a state that permits enqueue');
    try { kit.readableControllerEnqueue(rc, chunk); } catch (e) { errorWritableAndUnblockWrite(stream, e); throw stream.readable.storedError; }
    if (kit.readableHasBackpressure(rc) !== stream.backpressure) setBackpressure(stream, true);
  }
  function controllerTerminate(c) {
    const stream = c.stream;
    kit.readableControllerClose(stream.readable.controller);
    errorWritableAndUnblockWrite(stream, new TypeError('The transform stream has been terminated'));
  }
  function performTransform(c, chunk) {
    return c.transformAlgorithm(chunk).then(undefined, (r) => { transformStreamError(c.stream, r); throw r; });
  }

  // The writable side's sink and the readable side's source.
  function sinkWrite(stream, chunk) {
    const c = stream.controller;
    if (!stream.backpressure) return performTransform(c, chunk);
    return stream.backpressureChange.promise.then(() => {
      if (stream.writable.state === 'erroring') throw stream.writable.storedError;
      return performTransform(c, chunk);
    });
  }
  /** Runs the transformer's flush or cancel once (finishPromise), then settles the other side as the standard says. */
  function finishOnce(stream, run, onFulfilled, onRejected) {
    const c = stream.controller;
    if (c.finish !== undefined) return c.finish.promise;
    const finish = c.finish = deferred();
    const promise = run(c);
    clearAlgorithms(c);
    promise.then(() => onFulfilled(finish), (r) => { onRejected(r); finish.reject(r); });
    return finish.promise;
  }
  function sinkAbort(stream, reason) {
    return finishOnce(stream, (c) => c.cancelAlgorithm(reason), (finish) => {
      if (stream.readable.state === 'errored') finish.reject(stream.readable.storedError);
      else { kit.readableControllerError(stream.readable.controller, reason); finish.resolve(undefined); }
    }, (r) => kit.readableControllerError(stream.readable.controller, r));
  }
  function sinkClose(stream) {
    return finishOnce(stream, (c) => c.flushAlgorithm(), (finish) => {
      if (stream.readable.state === 'errored') finish.reject(stream.readable.storedError);
      else { kit.readableControllerClose(stream.readable.controller); finish.resolve(undefined); }
    }, (r) => kit.readableControllerError(stream.readable.controller, r));
  }
  function sourcePull(stream) {
    setBackpressure(stream, false);
    return stream.backpressureChange.promise;
  }
  function sourceCancel(stream, reason) {
    return finishOnce(stream, (c) => c.cancelAlgorithm(reason), (finish) => {
      if (stream.writable.state === 'errored') finish.reject(stream.writable.storedError);
      else { kit.writableErrorIfNeeded(stream.writable.controller, reason); unblockWrite(stream); finish.resolve(undefined); }
    }, (r) => { kit.writableErrorIfNeeded(stream.writable.controller, r); unblockWrite(stream); });
  }

  class TransformStreamDefaultController {
    constructor() { throw new TypeError('Illegal constructor'); }
    get desiredSize() { return kit.readableDesiredSize(recordOf(this, 'controller').stream.readable.controller); }
    enqueue(chunk) { controllerEnqueue(recordOf(this, 'controller'), chunk); }
    error(reason) { transformStreamError(recordOf(this, 'controller').stream, reason); }
    terminate() { controllerTerminate(recordOf(this, 'controller')); }
  }

  class TransformStream {
    constructor(transformer, writableStrategy, readableStrategy) {
      const t = dictionary(transformer, 'The transformer');
      const ws = dictionary(writableStrategy, 'The writable strategy');
      const rs = dictionary(readableStrategy, 'The readable strategy');
      const cancel = member(t, 'cancel', true), flush = member(t, 'flush', true);
      const readableType = member(t, 'readableType', false), start = member(t, 'start', true);
      const transform = member(t, 'transform', true), writableType = member(t, 'writableType', false);
      if (readableType !== undefined) throw new TypeError('Invalid readableType is specified'); // workerd: TypeError
      if (writableType !== undefined) throw new TypeError('Invalid writableType is specified');
      const readableHWM = kit.extractHighWaterMark(rs, 0), readableSize = kit.extractSizeAlgorithm(rs);
      const writableHWM = kit.extractHighWaterMark(ws, 1), writableSize = kit.extractSizeAlgorithm(ws);
      const startPromise = deferred();
      const stream = { kind: 'stream', public: this, backpressure: undefined, backpressureChange: undefined };
      records.set(this, stream);
      const startAlgorithm = () => startPromise.promise;
      stream.writable = kit.createWritableStream(startAlgorithm, (chunk) => sinkWrite(stream, chunk),
        () => sinkClose(stream), (reason) => sinkAbort(stream, reason), writableHWM, writableSize);
      stream.readable = kit.createReadableStream(startAlgorithm, () => sourcePull(stream),
        (reason) => sourceCancel(stream, reason), readableHWM, readableSize);
      setBackpressure(stream, true);

      const pub = Object.create(TransformStreamDefaultController.prototype);
      const c = { kind: 'controller', public: pub, stream, finish: undefined };
      records.set(pub, c);
      stream.controller = c;
      c.transformAlgorithm = transform === undefined
        ? (chunk) => { try { controllerEnqueue(c, chunk); return Promise.resolve(undefined); } catch (e) { return Promise.reject(e); } }
        : (chunk) => promiseCall(transform, t, chunk, pub);
      c.flushAlgorithm = () => promiseCall(flush, t, pub);
      c.cancelAlgorithm = (reason) => promiseCall(cancel, t, reason);
      // workerd: a throwing start errors both sides instead of throwing from the constructor.
      try { startPromise.resolve(start === undefined ? undefined : start.call(t, pub)); } catch (e) { startPromise.reject(e); }
    }
    get readable() { return recordOf(this, 'stream').readable.public; }
    get writable() { return recordOf(this, 'stream').writable.public; }
  }
  for (const [C, tag] of [[TransformStream, 'TransformStream'], [TransformStreamDefaultController, 'TransformStreamDefaultController']]) {
    Object.defineProperty(C.prototype, Symbol.toStringTag, { value: tag, configurable: true });
  }

  Object.assign(web, { TransformStream, TransformStreamDefaultController });
})
