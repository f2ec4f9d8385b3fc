// The Web-platform globals a module worker needs, as a factory over the private native binding H
// (WorkerRuntime.Globals.cs). Events: listeners capture nothing (they run in the frame the dispatcher gives them).
(function (H) {
  'use strict';
  const g = globalThis;

  // ---- console: one call of the host sink per line; Node-like formatting for primitives.
  function inspect(v, nested, depth, seen) {
    switch (typeof v) {
      case 'string': return nested ? `'${v}'` : v;
      case 'number': return Object.is(v, -0) ? '-0' : String(v);
      case 'bigint': return `${v}n`;
      case 'undefined': case 'boolean': return String(v);
      case 'symbol': return v.toString();
      case 'function': return `[Function: ${v.name || '(anonymous)'}]`;
    }
    if (v === null) return 'null';
    if (v instanceof Error) return v.stack && !nested ? String(v.stack) : `${v.name}: ${v.message}`;
    if (seen.includes(v)) return '[Circular]';
    if (depth > 2) return Array.isArray(v) ? '[Array]' : '[Object]';
    const s = [...seen, v];
    if (Array.isArray(v)) return `[ ${v.map((x) => inspect(x, true, depth + 1, s)).join(', ')} ]`.replace('[  ]', '[]');
    if (v instanceof Promise) return 'Promise { }';
    const keys = Object.keys(v);
    const name = v.constructor && v.constructor !== Object ? `${v.constructor.name} ` : '';
    if (keys.length === 0) return `${name}{}`;
    return `${name}{ ${keys.map((k) => `${k}: ${inspect(v[k], true, depth + 1, s)}`).join(', ')} }`;
  }
  const line = (args) => args.map((a) => inspect(a, false, 0, [])).join(' ');
  const console = {
    log: (...a) => H.stdout(line(a)),
    info: (...a) => H.stdout(line(a)),
    debug: (...a) => H.stdout(line(a)),
    warn: (...a) => H.stderr(line(a)),
    error: (...a) => H.stderr(line(a)),
  };

  // ---- Events, as workerd's (observed there, see tests/ReferenceImpl.Tests/HostEventTargetTests.cs).
  // OBS-LISTENER-NOCAPTURE-1: a listener captures no async context; it runs in whatever frame the code that
  // dispatches (dispatchEvent, controller.abort(), the host's rejection report) is running in.
  const illegal = () => new TypeError('Illegal invocation: function called with incorrect `this` reference. See https://developers.cloudflare.com/workers/observability/errors/#illegal-invocation-errors for details.');
  const internal = Symbol('internal');

  /** Minimal DOMException (AbortSignal's default reasons): an Error with a name and the legacy code. */
  const domCodes = { IndexSizeError: 1, HierarchyRequestError: 3, WrongDocumentError: 4, InvalidCharacterError: 5, NoModificationAllowedError: 7,
    NotFoundError: 8, NotSupportedError: 9, InvalidStateError: 11, SyntaxError: 12, InvalidModificationError: 13, NamespaceError: 14,
    InvalidAccessError: 15, TypeMismatchError: 17, SecurityError: 18, NetworkError: 19, AbortError: 20, URLMismatchError: 21,
    QuotaExceededError: 22, TimeoutError: 23, InvalidNodeTypeError: 24, DataCloneError: 25 };
  class DOMException extends Error {
    constructor(message = '', name = 'Error') {
      super(String(message));
      // An own property, not a prototype getter: Jint's Error.prototype.toString reads name from another receiver.
      Object.defineProperty(this, 'name', { value: String(name), configurable: true });
    }
    get code() { return domCodes[this.name] ?? 0; }
  }
  Object.defineProperty(DOMException.prototype, Symbol.toStringTag, { value: 'DOMException', configurable: true });
  DOMException.ABORT_ERR = 20; DOMException.TIMEOUT_ERR = 23;

  // Event state lives here so that dispatch (not user code) can set target, phase and flags.
  const events = new WeakMap();
  const eventState = (e) => { const s = events.get(e); if (!s) throw illegal(); return s; };
  class Event {
    constructor(type, init) {
      if (type === undefined) throw new TypeError("Failed to construct 'Event': constructor parameter 1 is not of type 'string'.");
      const o = init ?? {};
      events.set(this, { type: String(type), bubbles: !!o.bubbles, cancelable: !!o.cancelable, composed: !!o.composed,
        trusted: false, prevented: false, stopped: false, stoppedImmediately: false, target: undefined, currentTarget: undefined, phase: 0 });
    }
    get type() { return eventState(this).type; }
    get target() { return eventState(this).target; }
    get srcElement() { return eventState(this).target; }
    get currentTarget() { return eventState(this).currentTarget; }
    get eventPhase() { return eventState(this).phase; }
    get bubbles() { return eventState(this).bubbles; }
    get cancelable() { return eventState(this).cancelable; }
    get composed() { return eventState(this).composed; }
    get isTrusted() { return eventState(this).trusted; }
    get timeStamp() { eventState(this); return 0; }
    // workerd: preventDefault always sets the flag; defaultPrevented also needs cancelable; dispatchEvent
    // returns !flag (so a non-cancelable event whose listener called preventDefault dispatches to false).
    get defaultPrevented() { const s = eventState(this); return s.cancelable && s.prevented; }
    get returnValue() { return !this.defaultPrevented; }
    get cancelBubble() { return eventState(this).stopped; }
    set cancelBubble(v) { if (v) eventState(this).stopped = true; }
    composedPath() { const s = eventState(this); return s.phase === 0 ? [] : [s.currentTarget]; }
    preventDefault() { eventState(this).prevented = true; }
    stopPropagation() { eventState(this).stopped = true; }
    stopImmediatePropagation() { const s = eventState(this); s.stopped = true; s.stoppedImmediately = true; }
  }
  for (const [k, v] of [['NONE', 0], ['CAPTURING_PHASE', 1], ['AT_TARGET', 2], ['BUBBLING_PHASE', 3]]) {
    Object.defineProperty(Event, k, { value: v, enumerable: true });
    Object.defineProperty(Event.prototype, k, { value: v, enumerable: true });
  }
  Object.defineProperty(Event.prototype, Symbol.toStringTag, { value: 'Event', configurable: true });
  const trustedEvent = (type) => { const e = new Event(type); eventState(e).trusted = true; return e; };
  class PromiseRejectionEvent extends Event {
    #promise; #reason;
    constructor(type, init = {}) { super(type, { cancelable: true, ...init }); this.#promise = init.promise; this.#reason = init.reason; }
    get promise() { return this.#promise; }
    get reason() { return this.#reason; }
  }
  class ErrorEvent extends Event {
    #error; #message;
    constructor(type, init = {}) { super(type, init); this.#error = init.error; this.#message = init.message ?? ''; }
    get error() { return this.#error; }
    get message() { return this.#message; }
  }

  for (const C of [PromiseRejectionEvent, ErrorEvent]) Object.defineProperty(C.prototype, Symbol.toStringTag, { value: C.name, configurable: true });

  // A listener registry: type -> entries { callback, once, removed } in registration order.
  const requireType = (method, type) => {
    if (type === undefined) throw new TypeError(`Failed to execute '${method}' on 'EventTarget': parameter 1 is not of type 'string'.`);
    return String(type);
  };
  const noCapture = (method, options) => {
    const object = typeof options === 'object' && options !== null;
    if (object ? options.capture : options) throw new TypeError(`${method}(): ${object ? 'options.capture' : 'useCapture'} must be false.`);
  };
  function addListener(registry, type, callback, options) {
    type = requireType('addEventListener', type);
    noCapture('addEventListener', options);
    if (callback === null || callback === undefined) return;
    if (typeof callback !== 'function') {
      if (typeof callback !== 'object') throw new TypeError("Failed to execute 'addEventListener' on 'EventTarget': parameter 2 is not of type 'function or HandlerObject'.");
      if (typeof callback.handleEvent !== 'function') throw new TypeError("Incorrect type for the 'handleEvent' field on 'HandlerObject': the provided value is not of type 'function'.");
    }
    const opts = typeof options === 'object' && options !== null ? options : {};
    const signal = opts.signal;
    if (signal !== undefined && !signals.has(signal)) throw new TypeError("Incorrect type for the 'signal' field on 'AddEventListenerOptions': the provided value is not of type 'AbortSignal'.");
    if (signal !== undefined && signals.get(signal).aborted) return;
    const list = registry.get(type) ?? [];
    if (list.some((l) => l.callback === callback)) return;
    const entry = { callback, once: !!opts.once, removed: false };
    list.push(entry);
    registry.set(type, list);
    if (signal !== undefined) signals.get(signal).algorithms.push(() => removeEntry(registry, type, entry));
    return entry;
  }
  function removeEntry(registry, type, entry) {
    entry.removed = true;
    const list = registry.get(type);
    if (list) registry.set(type, list.filter((l) => l !== entry));
  }
  function removeListener(registry, type, callback, options) {
    type = requireType('removeEventListener', type);
    noCapture('removeEventListener', options);
    const entry = (registry.get(type) ?? []).find((l) => l.callback === callback);
    if (entry) removeEntry(registry, type, entry);
  }
  /**
   * Calls the listeners registered now, in order, in the current frame. A listener's throw is reported and dispatch
   * goes on (workerd's EventTarget); with rethrow (the host's rejection events) it ends the dispatch and propagates,
   * so the remaining listeners do not run (observed on workerd).
   */
  function dispatch(registry, target, event, rethrow = false) {
    if (!events.has(event)) throw new TypeError("Failed to execute 'dispatchEvent' on 'EventTarget': parameter 1 is not of type 'Event'.");
    const s = eventState(event);
    s.target = target; s.currentTarget = target; s.phase = 2;
    s.stopped = false; s.stoppedImmediately = false;
    try {
      for (const entry of [...(registry.get(s.type) ?? [])]) {
        if (entry.removed) continue;
        if (entry.once) removeEntry(registry, s.type, entry);
        try {
          const l = entry.callback;
          if (typeof l === 'function') l.call(target, event); else l.handleEvent(event);
        } catch (e) {
          if (rethrow) throw e;
          H.reportUncaught(e);
        }
        if (s.stoppedImmediately) break;
      }
    } finally {
      s.phase = 0;
    }
    return !s.prevented;
  }

  const registries = new WeakMap();
  const registryOf = (t) => { const r = registries.get(t); if (!r) throw illegal(); return r; };
  class EventTarget {
    constructor() { registries.set(this, new Map()); }
    addEventListener(type, listener, options) { addListener(registryOf(this), type, listener, options); }
    removeEventListener(type, listener, options) { removeListener(registryOf(this), type, listener, options); }
    dispatchEvent(event) { return dispatch(registryOf(this), this, event); }
  }
  Object.defineProperty(EventTarget.prototype, Symbol.toStringTag, { value: 'EventTarget', configurable: true });

  // ---- AbortController / AbortSignal. Aborting dispatches 'abort' synchronously, in the aborter's frame
  // (OBS-LISTENER-NOCAPTURE-1); AbortSignal.timeout fires from a host timer in a frame with no stores (observed).
  const signals = new WeakMap();
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
        // An event handler attribute keeps the position where it was first set.
        st.handlerEntry = addListener(registryOf(this), 'abort', function (e) { return typeof st.handler === 'function' ? st.handler.call(this, e) : undefined; });
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

  // The global scope's own listeners (workerd: ServiceWorkerGlobalScope; listeners get globalThis as target and this).
  const globalListeners = new Map();
  function addEventListener(type, listener, options) { addListener(globalListeners, type, listener, options); }
  function removeEventListener(type, listener, options) { removeListener(globalListeners, type, listener, options); }
  function dispatchEvent(event) { return dispatch(globalListeners, g, event); }
  const listenerCount = (type) => (globalListeners.get(type) ?? []).length;

  // ---- Headers / Request / Response: enough for module workers.
  class Headers {
    #map = new Map();
    constructor(init) {
      if (init instanceof Headers) init.forEach((v, k) => this.set(k, v));
      else if (Array.isArray(init)) for (const [k, v] of init) this.append(k, v);
      else if (init && typeof init === 'object') for (const k of Object.keys(init)) this.set(k, init[k]);
    }
    get(name) { return this.#map.get(String(name).toLowerCase()) ?? null; }
    set(name, value) { this.#map.set(String(name).toLowerCase(), String(value)); }
    append(name, value) { const k = String(name).toLowerCase(); const old = this.#map.get(k); this.#map.set(k, old === undefined ? String(value) : `${old}, ${value}`); }
    has(name) { return this.#map.has(String(name).toLowerCase()); }
    delete(name) { this.#map.delete(String(name).toLowerCase()); }
    forEach(cb, thisArg) { for (const [k, v] of [...this.#map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) cb.call(thisArg, v, k, this); }
    *entries() { const out = []; this.forEach((v, k) => out.push([k, v])); yield* out; }
    *keys() { for (const [k] of this.entries()) yield k; }
    *values() { for (const [, v] of this.entries()) yield v; }
    [Symbol.iterator]() { return this.entries(); }
  }
  function bodyText(body) {
    if (body === undefined || body === null) return '';
    return typeof body === 'string' ? body : String(body);
  }
  class Body {
    #body; #used = false;
    constructor(body) { this.#body = body === undefined || body === null ? null : bodyText(body); }
    get bodyUsed() { return this.#used; }
    get body() { return this.#body; }
    #consume() {
      if (this.#used) return Promise.reject(new TypeError('Body has already been used. It can only be used once.'));
      this.#used = true;
      return Promise.resolve(this.#body ?? '');
    }
    text() { return this.#consume(); }
    json() { return this.#consume().then((t) => JSON.parse(t)); }
    arrayBuffer() { return this.#consume().then((t) => new TextEncoderLite().encode(t).buffer); }
  }
  class TextEncoderLite { encode(s) { const a = []; for (const c of unescape(encodeURIComponent(s))) a.push(c.charCodeAt(0)); return new Uint8Array(a); } }
  class Request extends Body {
    #url; #method; #headers;
    constructor(input, init = {}) {
      const base = input instanceof Request ? input : null;
      super(init.body !== undefined ? init.body : base ? base.body : undefined);
      this.#url = base ? base.url : String(input);
      this.#method = String(init.method ?? (base ? base.method : 'GET')).toUpperCase();
      this.#headers = new Headers(init.headers ?? (base ? base.headers : undefined));
    }
    get url() { return this.#url; }
    get method() { return this.#method; }
    get headers() { return this.#headers; }
    clone() { return new Request(this); }
  }
  class Response extends Body {
    #status; #statusText; #headers;
    constructor(body, init = {}) {
      super(body);
      this.#status = init.status ?? 200;
      if (this.#status < 200 || this.#status > 599) throw new RangeError(`Responses may only be constructed with status codes in the range 200 to 599, inclusive.`);
      this.#statusText = init.statusText ?? '';
      this.#headers = new Headers(init.headers);
    }
    get status() { return this.#status; }
    get statusText() { return this.#statusText; }
    get ok() { return this.#status >= 200 && this.#status < 300; }
    get headers() { return this.#headers; }
    static json(data, init = {}) { return new Response(JSON.stringify(data), { ...init, headers: { 'content-type': 'application/json', ...(init.headers ?? {}) } }); }
  }

  /** A minimal WHATWG URL (absolute URLs only): enough for request routing. */
  class URLSearchParams {
    #pairs = [];
    constructor(init = '') {
      const s = String(init).replace(/^\?/, '');
      if (s) for (const part of s.split('&')) { const i = part.indexOf('='); const d = (x) => decodeURIComponent(x.replace(/\+/g, ' ')); this.#pairs.push(i < 0 ? [d(part), ''] : [d(part.slice(0, i)), d(part.slice(i + 1))]); }
    }
    get(name) { const p = this.#pairs.find(([k]) => k === name); return p ? p[1] : null; }
    getAll(name) { return this.#pairs.filter(([k]) => k === name).map(([, v]) => v); }
    has(name) { return this.#pairs.some(([k]) => k === name); }
    set(name, value) { this.delete(name); this.#pairs.push([String(name), String(value)]); }
    append(name, value) { this.#pairs.push([String(name), String(value)]); }
    delete(name) { this.#pairs = this.#pairs.filter(([k]) => k !== name); }
    toString() { return this.#pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'); }
    [Symbol.iterator]() { return this.#pairs.map((p) => [...p])[Symbol.iterator](); }
  }
  class URL {
    #parts;
    constructor(input, base) {
      let s = String(input);
      if (!/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(s) && base !== undefined) {
        const b = new URL(base);
        s = s.startsWith('/') ? `${b.origin}${s}` : `${b.origin}${b.pathname.replace(/[^/]*$/, '')}${s}`;
      }
      const m = /^([a-zA-Z][a-zA-Z0-9+.-]*:)\/\/([^/?#]*)([^?#]*)(\?[^#]*)?(#.*)?$/.exec(s);
      if (!m) throw new TypeError(`Invalid URL string.`);
      const [, protocol, host, path, search = '', hash = ''] = m;
      this.#parts = { protocol: protocol.toLowerCase(), host: host.toLowerCase(), pathname: path || '/', search: search === '?' ? '' : search, hash: hash === '#' ? '' : hash };
    }
    get protocol() { return this.#parts.protocol; }
    get host() { return this.#parts.host; }
    get hostname() { return this.#parts.host.replace(/:\d+$/, ''); }
    get port() { const m = /:(\d+)$/.exec(this.#parts.host); return m ? m[1] : ''; }
    get origin() { return `${this.#parts.protocol}//${this.#parts.host}`; }
    get pathname() { return this.#parts.pathname; }
    get search() { return this.#parts.search; }
    get hash() { return this.#parts.hash; }
    get searchParams() { return new URLSearchParams(this.#parts.search); }
    get href() { return `${this.origin}${this.pathname}${this.search}${this.hash}`; }
    toString() { return this.href; }
    toJSON() { return this.href; }
  }

  /** What setTimeout/setInterval return on workerd: an object that converts to the timer's id. */
  class Timeout {
    #id;
    constructor(id) { this.#id = id; }
    [Symbol.toPrimitive]() { return this.#id; }
    ref() { return this; }
    unref() { return this; }
    hasRef() { return true; }
  }
  const timerId = (t) => (t instanceof Timeout ? Number(t) : Number(t) || 0);

  // ---- Timers and scheduler: the host captures the frame at registration (OBS-TIMER-FRAME-1).
  const requireFunction = (fn) => { if (typeof fn !== 'function') throw new TypeError(`The "callback" argument must be of type function. Received type ${typeof fn} (${String(fn)})`); };
  function setTimeout(fn, ms, ...args) { requireFunction(fn); return new Timeout(H.addTimer(fn, Number(ms) || 0, args, false)); }
  function setInterval(fn, ms, ...args) { requireFunction(fn); return new Timeout(H.addTimer(fn, Number(ms) || 0, args, true)); }
  function clearTimeout(t) { H.clearTimer(timerId(t)); }
  function clearInterval(t) { H.clearTimer(timerId(t)); }
  function queueMicrotask(fn) {
    if (typeof fn !== 'function') throw new TypeError("Failed to execute 'queueMicrotask' on 'ServiceWorkerGlobalScope': parameter 1 is not of type 'function'.");
    H.queueMicrotask(fn);
  }
  const scheduler = { wait(ms) { return H.wait(Number(ms) || 0); } };

  const define = (name, value) => Object.defineProperty(g, name, { value, writable: true, configurable: true, enumerable: false });
  for (const [k, v] of Object.entries({ console, Event, EventTarget, AbortController, AbortSignal, DOMException, PromiseRejectionEvent, ErrorEvent,
    addEventListener, removeEventListener, dispatchEvent,
    Headers, Request, Response, URL, URLSearchParams, setTimeout, setInterval, clearTimeout, clearInterval, queueMicrotask, scheduler })) define(k, v);
  define('self', g);

  // Private hooks for the host.
  return {
    dispatchPromiseEvent(type, promise, reason) { return dispatch(globalListeners, g, new PromiseRejectionEvent(type, { promise, reason }), true); },
    listenerCount,
    isResponse: (v) => v instanceof Response,
    newRequest: (input, init) => new Request(input, init ?? {}),
    describeError: (e) => (e instanceof Error ? `${e.name}: ${e.message}` : inspect(e, false, 0, [])),
    deferred() { let resolve, reject; const promise = new Promise((a, b) => { resolve = a; reject = b; }); return { promise, resolve, reject }; },
    whenSettled(value, callback) { Promise.resolve(value).then((v) => callback(true, v), (e) => callback(false, e)); },
  };
})
