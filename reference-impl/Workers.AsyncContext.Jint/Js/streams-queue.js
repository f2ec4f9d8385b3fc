// What the Streams files share (WHATWG Streams, "Queue-with-sizes" and "Queuing strategies"): deferred promises, the
// promise-returning call of a user callback, the queue with sizes, and CountQueuingStrategy/ByteLengthQueuingStrategy.
// Every promise step is a native reaction, so it runs in the frame current when it was registered, as on workerd
// (OBS-MATRIX-STREAMS-1). The helpers go to web.streamKit, which web.js does not put on globalThis.
(function (H, web) {
  'use strict';

  const kit = {};
  kit.deferred = () => {
    const d = { settled: false };
    d.promise = new Promise((resolve, reject) => {
      d.resolve = (v) => { d.settled = true; resolve(v); };
      d.reject = (e) => { d.settled = true; reject(e); };
    });
    return d;
  };
  kit.resolved = (v) => { const d = kit.deferred(); d.resolve(v); return d; };
  kit.rejected = (e) => { const d = kit.deferred(); d.reject(e); kit.handled(d.promise); return d; };
  kit.handled = (promise) => { promise.then(undefined, () => {}); };
  kit.resolvedPromise = (v) => Promise.resolve(v);
  kit.rejectedPromise = (e) => Promise.reject(e);
  kit.illegal = () => new TypeError('Illegal invocation');

  /** Reads a member of a dictionary argument, checking that a present callback is callable. */
  kit.member = (dict, name, callable) => {
    const value = dict === undefined || dict === null ? undefined : dict[name];
    if (callable && value !== undefined && typeof value !== 'function') throw new TypeError(`${name} must be a function`);
    return value;
  };
  kit.dictionary = (value, what) => {
    if (value === undefined || value === null) return {};
    if (typeof value !== 'object' && typeof value !== 'function') throw new TypeError(`${what} must be an object`);
    return value;
  };
  /** Calls a user callback and returns a promise of its result; a throw becomes a rejected promise. */
  kit.promiseCall = (fn, self, ...args) => {
    if (fn === undefined) return Promise.resolve(undefined);
    try { return Promise.resolve(fn.apply(self, args)); } catch (e) { return Promise.reject(e); }
  };

  kit.resetQueue = (c) => { c.queue = []; c.queueTotalSize = 0; };
  kit.enqueueValueWithSize = (c, value, size) => {
    size = Number(size);
    if (!(size >= 0) || size === Infinity) throw new TypeError('The size of a chunk must be a finite, non-negative number'); // workerd: TypeError
    c.queue.push({ value, size });
    c.queueTotalSize += size;
  };
  kit.dequeueValue = (c) => {
    const pair = c.queue.shift();
    c.queueTotalSize = Math.max(0, c.queueTotalSize - pair.size);
    return pair.value;
  };
  kit.peekQueueValue = (c) => c.queue[0].value;

  kit.extractHighWaterMark = (strategy, defaultHWM) => {
    const hwm = strategy.highWaterMark;
    if (hwm === undefined) return defaultHWM;
    const n = Number(hwm);
    if (Number.isNaN(n) || n < 0) throw new TypeError('The highWaterMark must be a non-negative number'); // workerd: TypeError
    return n;
  };
  kit.extractSizeAlgorithm = (strategy) => {
    const size = kit.member(strategy, 'size', true);
    return size === undefined ? () => 1 : (chunk) => size(chunk);
  };

  const strategyHWM = new WeakMap();
  const hwmOf = (self) => { if (!strategyHWM.has(self)) throw kit.illegal(); return strategyHWM.get(self); };
  const init = (self, init) => {
    if (init === undefined || init === null || init.highWaterMark === undefined) throw new TypeError('highWaterMark is required');
    strategyHWM.set(self, Number(init.highWaterMark));
  };
  const countSize = function size() { return 1; };
  const byteLengthSize = function size(chunk) { return chunk.byteLength; };
  class CountQueuingStrategy {
    constructor(options) { init(this, options); }
    get highWaterMark() { return hwmOf(this); }
    get size() { hwmOf(this); return countSize; }
  }
  class ByteLengthQueuingStrategy {
    constructor(options) { init(this, options); }
    get highWaterMark() { return hwmOf(this); }
    get size() { hwmOf(this); return byteLengthSize; }
  }
  for (const [C, tag] of [[CountQueuingStrategy, 'CountQueuingStrategy'], [ByteLengthQueuingStrategy, 'ByteLengthQueuingStrategy']]) {
    Object.defineProperty(C.prototype, Symbol.toStringTag, { value: tag, configurable: true });
  }

  Object.assign(web, { streamKit: kit, CountQueuingStrategy, ByteLengthQueuingStrategy });
})
