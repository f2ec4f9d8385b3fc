// AbortController and AbortSignal (abort, timeout, any): aborting dispatches 'abort' synchronously in the aborter's
// frame (OBS-LISTENER-NOCAPTURE-1); AbortSignal.timeout fires from a host root timer (H.addRootTimer) in a frame with no stores.
(function (H, web) {
  'use strict';
  const { internal, illegal, signals, EventTarget, registryOf, addListener, removeEntry, dispatch, trustedEvent, DOMException } = web;

  // ---- AbortController / AbortSignal. Aborting dispatches 'abort' synchronously, in the aborter's frame
  // (OBS-LISTENER-NOCAPTURE-1); AbortSignal.timeout fires from a host timer in a frame with no stores (observed).
  const signalState = (s) => { const st = signals.get(s); if (!st) throw illegal(); return st; };
  class AbortSignal extends EventTarget {
    constructor(token) {
      if (token !== internal) throw new TypeError('Illegal constructor');
      super();
      signals.set(this, { aborted: false, reason: undefined, algorithms: [], dependents: [], handler: null, handlerEntry: null });
    }
    get aborted() { return signalState(this).aborted; }
    get reason() { return signalState(this).reason; }
    throwIfAborted() { const st = signalState(this); if (st.aborted) throw st.reason; }
    get onabort() { return signalState(this).handler; }
    set onabort(value) {
      const st = signalState(this);
      const handler = typeof value === 'function' || (typeof value === 'object' && value !== null) ? value : null;
      st.handler = handler;
      if (handler === null) {
        if (st.handlerEntry) removeEntry(registryOf(this), 'abort', st.handlerEntry);
        st.handlerEntry = null;
      } else if (!st.handlerEntry) {
        // An event handler attribute keeps the position where it was first set; workerd calls it with this = globalThis,
        // not the signal (OBS-MATRIX-THIS-1).
        st.handlerEntry = addListener(registryOf(this), 'abort', function (e) { return typeof st.handler === 'function' ? st.handler.call(globalThis, e) : undefined; });
      }
    }
    static abort(reason) { const s = new AbortSignal(internal); setAborted(s, reason); return s; }
    static timeout(ms) {
      const s = new AbortSignal(internal);
      H.addRootTimer(() => abortSignal(s, new DOMException('The operation was aborted due to timeout', 'TimeoutError')), Math.max(0, Number(ms) || 0));
      return s;
    }
    static any(list) {
      const sources = [...list];
      for (const x of sources) if (!signals.has(x)) throw new TypeError("Failed to execute 'any' on 'AbortSignal': parameter 1 is not of type 'Array<AbortSignal>'.");
      const s = new AbortSignal(internal);
      const done = sources.find((x) => signals.get(x).aborted);
      if (done) setAborted(s, signals.get(done).reason);
      else for (const x of sources) signals.get(x).dependents.push(s);
      return s;
    }
  }
  Object.defineProperty(AbortSignal.prototype, Symbol.toStringTag, { value: 'AbortSignal', configurable: true });
  const defaultReason = () => new DOMException('The operation was aborted', 'AbortError');
  function setAborted(s, reason) {
    const st = signalState(s);
    st.aborted = true;
    st.reason = reason === undefined ? defaultReason() : reason;
  }
  /** DOM "signal abort": once; listener removals (the signal option) first, then the 'abort' event, then dependents. */
  function abortSignal(s, reason) {
    const st = signalState(s);
    if (st.aborted) return;
    setAborted(s, reason);
    const dependents = st.dependents.filter((d) => !signals.get(d).aborted);
    for (const d of dependents) setAborted(d, st.reason);
    for (const x of [s, ...dependents]) {
      const xs = signals.get(x);
      const algorithms = xs.algorithms; xs.algorithms = []; xs.dependents = [];
      for (const run of algorithms) run();
      dispatch(registryOf(x), x, trustedEvent('abort'));
    }
  }
  class AbortController {
    #signal = new AbortSignal(internal);
    get signal() { return this.#signal; }
    abort(reason) { abortSignal(this.#signal, reason); }
  }
  Object.defineProperty(AbortController.prototype, Symbol.toStringTag, { value: 'AbortController', configurable: true });

  Object.assign(web, { AbortSignal, AbortController });
})
