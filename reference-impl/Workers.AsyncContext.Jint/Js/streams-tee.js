// ReadableStream.prototype.tee and ReadableStream.from (WHATWG Streams, ReadableStreamDefaultTee and
// ReadableStreamFromIterable), over the readable file's internals. A branch's read pulls the source in the reading
// frame, and the chunk reaches both branches from a microtask queued there (OBS-MATRIX-STREAMS-1).
(function (H, web) {
  'use strict';
  const kit = web.streamKit;
  const { deferred } = kit;

  function defaultTee(stream) {
    const reader = kit.acquireReader(stream);
    let reading = false, readAgain = false, canceled1 = false, canceled2 = false;
    const cancelPromise = deferred();
    const branches = [];
    // workerd cancels the source with the reason of the branch canceled last, where the standard passes both reasons.
    const bothCanceled = (reason) => cancelPromise.resolve(kit.readableStreamCancel(stream, reason));
    const pullAlgorithm = () => {
      if (reading) { readAgain = true; return Promise.resolve(undefined); }
      reading = true;
      kit.readerRead(reader, {
        chunk: (chunk) => H.queueMicrotask(() => {
          readAgain = false;
          if (!canceled1) kit.readableControllerEnqueue(branches[0].controller, chunk);
          if (!canceled2) kit.readableControllerEnqueue(branches[1].controller, chunk);
          reading = false;
          if (readAgain) pullAlgorithm();
        }),
        close: () => {
          reading = false;
          if (!canceled1) kit.readableControllerClose(branches[0].controller);
          if (!canceled2) kit.readableControllerClose(branches[1].controller);
          if (!canceled1 || !canceled2) cancelPromise.resolve(undefined);
        },
        error: () => { reading = false; },
      });
      return Promise.resolve(undefined);
    };
    const cancel1 = (reason) => { canceled1 = true; if (canceled2) bothCanceled(reason); return cancelPromise.promise; };
    const cancel2 = (reason) => { canceled2 = true; if (canceled1) bothCanceled(reason); return cancelPromise.promise; };
    const start = () => undefined;
    // workerd's branches pull only when read (a high-water mark of 0), where the standard's fill a queue of one at once.
    branches.push(kit.createReadableStream(start, pullAlgorithm, cancel1, 0), kit.createReadableStream(start, pullAlgorithm, cancel2, 0));
    reader.closed.promise.then(undefined, (r) => {
      kit.readableControllerError(branches[0].controller, r);
      kit.readableControllerError(branches[1].controller, r);
      if (!canceled1 || !canceled2) cancelPromise.resolve(undefined);
    });
    return branches.map((branch) => branch.public);
  }

  /** GetIterator(obj, async): an async iterator, or a sync one whose results are awaited (CreateAsyncFromSyncIterator). */
  function asyncIteratorOf(iterable) {
    if (iterable === null || iterable === undefined) throw new TypeError('ReadableStream.from needs an iterable');
    const asyncMethod = iterable[Symbol.asyncIterator];
    if (asyncMethod !== undefined && asyncMethod !== null) return asyncMethod.call(iterable);
    const syncMethod = iterable[Symbol.iterator];
    if (typeof syncMethod !== 'function') throw new TypeError('ReadableStream.from needs an iterable');
    const sync = syncMethod.call(iterable);
    const adopt = (result) => Promise.resolve(result.value).then((value) => ({ value, done: Boolean(result.done) }));
    return {
      next: () => adopt(sync.next()),
      return: sync.return === undefined ? undefined : (value) => adopt(sync.return(value)),
    };
  }

  function fromIterable(iterable) {
    const iterator = asyncIteratorOf(iterable);
    if (iterator === null || typeof iterator !== 'object') throw new TypeError('The iterator must be an object');
    let stream;
    const pullAlgorithm = () => {
      let next;
      try { next = Promise.resolve(iterator.next()); } catch (e) { return Promise.reject(e); }
      return next.then((result) => {
        if (result === null || typeof result !== 'object') throw new TypeError('The iterator result must be an object');
        if (result.done) kit.readableControllerClose(stream.controller);
        else kit.readableControllerEnqueue(stream.controller, result.value);
      });
    };
    const cancelAlgorithm = (reason) => {
      let returned;
      try {
        const method = iterator.return;
        if (method === undefined || method === null) return Promise.resolve(undefined);
        returned = Promise.resolve(method.call(iterator, reason));
      } catch (e) { return Promise.reject(e); }
      return returned.then((result) => { if (result === null || typeof result !== 'object') throw new TypeError('The iterator result must be an object'); });
    };
    stream = kit.createReadableStream(() => undefined, pullAlgorithm, cancelAlgorithm, 0);
    return stream.public;
  }

  const RS = web.ReadableStream;
  Object.defineProperty(RS.prototype, 'tee', {
    value: function tee() {
      const stream = kit.readableRecordOf(this);
      if (stream === undefined) throw kit.illegal();
      if (kit.isLocked(stream)) throw new TypeError('This ReadableStream is currently locked to a reader');
      return defaultTee(stream);
    },
    writable: true, configurable: true, enumerable: true,
  });
  Object.defineProperty(RS, 'from', { value: function from(asyncIterable) { return fromIterable(asyncIterable); }, writable: true, configurable: true, enumerable: true });
})
