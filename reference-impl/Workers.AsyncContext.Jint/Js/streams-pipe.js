// ReadableStream.prototype.pipeTo and pipeThrough (WHATWG Streams, ReadableStreamPipeTo). The loop waits for the
// writer's ready, reads, and writes each chunk; every step is a reaction registered by the loop, so the source's pull,
// the sink's write and close and a transformer's transform and flush all run in the frame that called pipeTo
// (OBS-MATRIX-STREAMS-1).
(function (H, web) {
  'use strict';
  const kit = web.streamKit;
  const { deferred, handled } = kit;

  function pipeOptions(options) {
    const o = options === undefined || options === null ? {} : options;
    if (typeof o !== 'object' && typeof o !== 'function') throw new TypeError('The options must be an object');
    const signal = o.signal;
    if (signal !== undefined && !(signal instanceof web.AbortSignal)) throw new TypeError('The signal must be an AbortSignal');
    return { preventAbort: Boolean(o.preventAbort), preventCancel: Boolean(o.preventCancel), preventClose: Boolean(o.preventClose), signal };
  }

  function readableStreamPipeTo(source, dest, { preventClose, preventAbort, preventCancel, signal }) {
    const reader = kit.acquireReader(source);
    const writer = kit.acquireWriter(dest);
    source.disturbed = true;
    let shuttingDown = false;
    let currentWrite = Promise.resolve(undefined);
    const result = deferred();
    let abortListener;

    if (signal !== undefined) {
      abortListener = () => {
        const error = signal.reason;
        const actions = [];
        if (!preventAbort) actions.push(() => (dest.state === 'writable' ? kit.writableStreamAbort(dest, error) : Promise.resolve(undefined)));
        if (!preventCancel) actions.push(() => (source.state === 'readable' ? kit.readableStreamCancel(source, error) : Promise.resolve(undefined)));
        shutdownWithAction(() => Promise.all(actions.map((action) => action())), true, error);
      };
      if (signal.aborted) { abortListener(); return result.promise; }
      signal.addEventListener('abort', abortListener);
    }

    // Each chunk is written in a reaction registered here, in the pipe's frame, as workerd writes it, even when another
    // frame's enqueue fulfils the read; currentWrite is set when the chunk is read, so a shutdown waits for its write.
    const pipeStep = () => {
      if (shuttingDown) return Promise.resolve(true);
      return writer.ready.promise.then(() => {
        const arrived = deferred();
        const written = arrived.promise.then((chunk) => kit.writerWrite(writer, chunk));
        return new Promise((resolveRead, rejectRead) => kit.readerRead(reader, {
          chunk: (chunk) => { currentWrite = written.then(undefined, () => {}); arrived.resolve(chunk); resolveRead(false); },
          close: () => resolveRead(true),
          error: rejectRead,
        }));
      });
    };
    const pipeLoop = () => new Promise((resolveLoop, rejectLoop) => {
      const next = (done) => { if (done) resolveLoop(); else pipeStep().then(next, rejectLoop); };
      next(false);
    });

    const isOrBecomesErrored = (stream, promise, action) => {
      if (stream.state === 'errored') action(stream.storedError); else promise.then(undefined, action);
    };
    const isOrBecomesClosed = (stream, promise, action) => {
      if (stream.state === 'closed') action(); else promise.then(action, () => {});
    };
    isOrBecomesErrored(source, reader.closed.promise, (storedError) => {
      if (!preventAbort) shutdownWithAction(() => kit.writableStreamAbort(dest, storedError), true, storedError);
      else shutdown(true, storedError);
    });
    // workerd sees the destination error at once, in the frame that errored it, not in a reaction to writer.closed.
    const destErrored = (storedError) => {
      if (!preventCancel) shutdownWithAction(() => kit.readableStreamCancel(source, storedError), true, storedError);
      else shutdown(true, storedError);
    };
    if (dest.state === 'errored') destErrored(dest.storedError); else dest.onErrored = destErrored;
    isOrBecomesClosed(source, reader.closed.promise, () => {
      if (!preventClose) shutdownWithAction(() => kit.writerCloseWithErrorPropagation(writer));
      else shutdown();
    });
    if (kit.writableCloseQueuedOrInFlight(dest) || dest.state === 'closed') {
      const destClosed = new TypeError('The destination stream is closed');
      if (!preventCancel) shutdownWithAction(() => kit.readableStreamCancel(source, destClosed), true, destClosed);
      else shutdown(true, destClosed);
    }
    handled(pipeLoop());
    return result.promise;

    function waitForWritesToFinish() {
      const oldCurrentWrite = currentWrite;
      return currentWrite.then(() => (oldCurrentWrite !== currentWrite ? waitForWritesToFinish() : undefined));
    }
    function whenWritesFinish(then) {
      if (dest.state === 'writable' && !kit.writableCloseQueuedOrInFlight(dest)) waitForWritesToFinish().then(then); else then();
    }
    function shutdownWithAction(action, originalIsError, originalError) {
      if (shuttingDown) return;
      shuttingDown = true;
      whenWritesFinish(() => action().then(() => finalize(originalIsError, originalError), (newError) => finalize(true, newError)));
    }
    function shutdown(isError, error) {
      if (shuttingDown) return;
      shuttingDown = true;
      whenWritesFinish(() => finalize(isError, error));
    }
    function finalize(isError, error) {
      dest.onErrored = undefined;
      kit.writerRelease(writer);
      kit.readerRelease(reader);
      if (abortListener !== undefined) signal.removeEventListener('abort', abortListener);
      if (isError) result.reject(error); else result.resolve(undefined);
    }
  }

  const proto = web.ReadableStream.prototype;
  const methods = {
    pipeTo(destination, options) {
      const source = kit.readableRecordOf(this);
      if (source === undefined) return Promise.reject(kit.illegal());
      const dest = kit.writableRecordOf(destination);
      if (dest === undefined) return Promise.reject(new TypeError('The destination must be a WritableStream'));
      let parsed;
      try { parsed = pipeOptions(options); } catch (e) { return Promise.reject(e); }
      if (kit.isLocked(source)) return Promise.reject(new TypeError('This ReadableStream is currently locked to a reader'));
      if (kit.writableIsLocked(dest)) return Promise.reject(new TypeError('The destination WritableStream is locked'));
      return readableStreamPipeTo(source, dest, parsed);
    },
    pipeThrough(transform, options) {
      const source = kit.readableRecordOf(this);
      if (source === undefined) throw kit.illegal();
      const pair = transform === undefined || transform === null ? {} : transform;
      const readable = kit.readableRecordOf(pair.readable);
      const writable = kit.writableRecordOf(pair.writable);
      if (readable === undefined || writable === undefined) throw new TypeError('pipeThrough needs { readable, writable } streams');
      const parsed = pipeOptions(options);
      if (kit.isLocked(source)) throw new TypeError('This ReadableStream is currently locked to a reader');
      if (kit.writableIsLocked(writable)) throw new TypeError('The transform stream\'s writable side is locked');
      handled(readableStreamPipeTo(source, writable, parsed));
      return readable.public;
    },
  };
  for (const [name, fn] of Object.entries(methods)) Object.defineProperty(proto, name, { value: fn, writable: true, configurable: true, enumerable: true });
})
