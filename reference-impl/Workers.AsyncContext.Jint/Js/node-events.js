// node:events (NodeBuiltinModules.cs), as workerd exposes it with nodejs_compat: what the propagation matrix touches.
// OBS-MATRIX-EVENT-EMITTER-1: an EventEmitter listener captures no async context; emit() calls it synchronously in
// whatever frame the caller of emit() runs in. OBS-MATRIX-EVENT-EMITTER-ASYNC-RESOURCE-1: an EventEmitterAsyncResource
// runs emit() in the scope of an AsyncResource made at its construction, so its listeners see that frame.
// A is node:async_hooks' exports. Not provided: captureRejections, the max-listeners warning (the limit is kept and
// reported, never enforced). Hand-written rather than the npm `events` port: events@3.3.0 has neither on,
// addAbortListener nor EventEmitterAsyncResource.
(function (g, A) {
  'use strict';

  const errorMonitor = Symbol('events.errorMonitor');
  const kListeners = Symbol('listeners');
  let defaultMaxListeners = 10;

  const requireListener = (listener) => {
    if (typeof listener !== 'function') {
      throw new TypeError(`The "listener" argument must be of type function. Received ${listener === null ? 'null' : 'type ' + typeof listener}`);
    }
  };

  /** The registry: event name → entries { listener, once } in call order; created on first use (subclasses may skip super()). */
  function registry(emitter) {
    if (!Object.hasOwn(emitter, kListeners)) {
      Object.defineProperty(emitter, kListeners, { value: new Map(), configurable: true });
    }
    return emitter[kListeners];
  }

  function add(emitter, type, listener, once, prepend) {
    requireListener(listener);
    const map = registry(emitter);
    // Node emits 'newListener' before adding, with the listener as given.
    if (map.has('newListener')) emitter.emit('newListener', type, listener);
    const list = map.get(type) ?? [];
    const entry = { listener, once };
    if (prepend) list.unshift(entry); else list.push(entry);
    map.set(type, list);
    return emitter;
  }

  class EventEmitter {
    constructor(options = undefined) {
      registry(this);
      this._maxListeners = undefined;
      void options;
    }

    on(type, listener) { return add(this, type, listener, false, false); }
    addListener(type, listener) { return add(this, type, listener, false, false); }
    prependListener(type, listener) { return add(this, type, listener, false, true); }
    once(type, listener) { return add(this, type, listener, true, false); }
    prependOnceListener(type, listener) { return add(this, type, listener, true, true); }

    removeListener(type, listener) {
      requireListener(listener);
      const map = registry(this);
      const list = map.get(type);
      if (!list) return this;
      // The most recently added matching entry goes, as in Node.
      const index = list.findLastIndex((entry) => entry.listener === listener);
      if (index < 0) return this;
      list.splice(index, 1);
      if (list.length === 0) map.delete(type);
      if (map.has('removeListener')) this.emit('removeListener', type, listener);
      return this;
    }
    off(type, listener) { return this.removeListener(type, listener); }

    /** As Node's: with 'removeListener' listeners, each listener is removed last first, so each removal is emitted (workerd). */
    removeAllListeners(type) {
      const map = registry(this);
      if (!map.has('removeListener')) {
        if (arguments.length === 0) map.clear(); else map.delete(type);
        return this;
      }
      if (arguments.length === 0) {
        for (const key of [...map.keys()]) if (key !== 'removeListener') this.removeAllListeners(key);
        this.removeAllListeners('removeListener');
        return this;
      }
      for (const entry of [...(map.get(type) ?? [])].reverse()) this.removeListener(type, entry.listener);
      return this;
    }

    /**
     * Calls the listeners registered now, in order, synchronously and in the current frame (OBS-MATRIX-EVENT-EMITTER-1);
     * a listener's throw propagates to the caller of emit(). 'error' with no listener throws its argument.
     */
    emit(type, ...args) {
      const map = registry(this);
      if (type === 'error') {
        for (const entry of [...(map.get(errorMonitor) ?? [])]) entry.listener.apply(this, args);
        if (!map.has('error')) {
          const error = args[0];
          if (error instanceof Error) throw error;
          const wrapped = new Error(`Unhandled error. (${String(error)})`);
          wrapped.context = error;
          throw wrapped;
        }
      }
      const list = map.get(type);
      if (!list) return false;
      for (const entry of [...list]) {
        if (entry.once) this.removeListener(type, entry.listener);
        entry.listener.apply(this, args);
      }
      return true;
    }

    listeners(type) { return (registry(this).get(type) ?? []).map((entry) => entry.listener); }
    rawListeners(type) { return this.listeners(type); }
    listenerCount(type) { return (registry(this).get(type) ?? []).length; }
    eventNames() { return [...registry(this).keys()]; }
    setMaxListeners(n) { this._maxListeners = n; return this; }
    getMaxListeners() { return this._maxListeners ?? defaultMaxListeners; }
  }

  /**
   * events.once: a promise of the arguments of the next `type` event, rejected by an 'error' event first. It settles
   * from emit(); the code awaiting it resumes in its own frame (the engine's job callbacks, ALS-RUN-3).
   */
  function once(emitter, type) {
    return new Promise((resolve, reject) => {
      const onError = (error) => { emitter.removeListener(type, onEvent); reject(error); };
      const onEvent = (...args) => { if (type !== 'error') emitter.removeListener('error', onError); resolve(args); };
      emitter.once(type, onEvent);
      if (type !== 'error') emitter.once('error', onError);
    });
  }

  /**
   * events.on: an async iterator of the arguments of each `type` event. An event with no next() waiting is queued; a
   * next() promise settles from emit(), so its reactions run where then() registered them (as on workerd).
   */
  function on(emitter, type) {
    const queued = [];
    const waiting = [];
    let finished = false;
    const onEvent = (...args) => { const next = waiting.shift(); if (next) next.resolve({ value: args, done: false }); else queued.push(args); };
    const onError = (error) => { finished = true; stop(); const next = waiting.shift(); if (next) next.reject(error); };
    const stop = () => { emitter.removeListener(type, onEvent); emitter.removeListener('error', onError); };
    emitter.on(type, onEvent);
    if (type !== 'error') emitter.on('error', onError);
    return {
      next() {
        if (queued.length > 0) return Promise.resolve({ value: queued.shift(), done: false });
        if (finished) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
      },
      return() {
        finished = true;
        stop();
        for (const next of waiting.splice(0)) next.resolve({ value: undefined, done: true });
        return Promise.resolve({ value: undefined, done: true });
      },
      [Symbol.asyncIterator]() { return this; },
    };
  }

  /** events.addAbortListener: the listener, once, on the signal's abort event; a disposable that removes it. */
  function addAbortListener(signal, listener) {
    requireListener(listener);
    signal.addEventListener('abort', listener, { once: true });
    return { [Symbol.dispose]() { signal.removeEventListener('abort', listener); } };
  }

  /** The resource of an EventEmitterAsyncResource (its name on workerd), pointing back at its emitter. */
  class EventEmitterReferencingAsyncResource extends A.AsyncResource {
    #emitter;
    constructor(emitter, type) { super(type); this.#emitter = emitter; }
    get eventEmitter() { return this.#emitter; }
  }

  class EventEmitterAsyncResource extends EventEmitter {
    #resource;
    constructor(options = undefined) {
      super(options);
      const name = typeof options === 'string' ? options : options?.name ?? new.target.name;
      // OBS-MATRIX-EVENT-EMITTER-ASYNC-RESOURCE-1: the resource captures the frame current at construction.
      this.#resource = new EventEmitterReferencingAsyncResource(this, name);
    }
    get asyncResource() { return this.#resource; }
    emit(type, ...args) {
      return this.#resource.runInAsyncScope(() => super.emit(type, ...args));
    }
  }

  const listenerCount = (emitter, type) => emitter.listenerCount(type);
  const getEventListeners = (emitter, type) => emitter.listeners(type);
  Object.assign(EventEmitter, { EventEmitter, EventEmitterAsyncResource, once, on, addAbortListener, errorMonitor, listenerCount, getEventListeners });
  Object.defineProperty(EventEmitter, 'defaultMaxListeners', {
    get: () => defaultMaxListeners, set: (n) => { defaultMaxListeners = n; }, enumerable: true, configurable: true,
  });

  // process is an EventEmitter on workerd (node:process): on/off/emit through its prototype (its own members stay
  // nextTick alone, tests/unit/Harness.Tests/Isolation/ReferenceHostIsolationTests.cs), and emitWarning, whose 'warning'
  // event is emitted from a tick, in the caller's frame (features/matrix/candidate-frames-source-node-process.feature).
  const process = g.process;
  const processPrototype = Object.create(EventEmitter.prototype, {
    emitWarning: {
      value: function emitWarning(warning, type = 'Warning') {
        const error = typeof warning === 'string' ? Object.assign(new Error(warning), { name: String(type) }) : warning;
        process.nextTick(() => process.emit('warning', error));
      },
      writable: true, configurable: true,
    },
  });
  Object.setPrototypeOf(process, processPrototype);

  return { default: EventEmitter, EventEmitter, EventEmitterAsyncResource, once, on, addAbortListener, errorMonitor, listenerCount, getEventListeners };
})
