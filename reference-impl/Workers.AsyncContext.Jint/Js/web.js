// The Web-platform globals a module worker needs, as a factory over the private native binding H
// (HostGlobalsBinding.cs). Events: listeners capture nothing (they run in the frame the dispatcher gives them).
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

  // ---- Events (addEventListener on the global scope, as workerd's ServiceWorkerGlobalScope).
  class Event {
    #type; #defaultPrevented = false; #cancelable;
    constructor(type, init = {}) { this.#type = String(type); this.#cancelable = !!init.cancelable; }
    get type() { return this.#type; }
    get defaultPrevented() { return this.#defaultPrevented; }
    get cancelable() { return this.#cancelable; }
    preventDefault() { if (this.#cancelable) this.#defaultPrevented = true; }
    stopImmediatePropagation() {}
    stopPropagation() {}
  }
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
  const listeners = new Map();
  function addEventListener(type, listener, options) {
    if (listener == null) return;
    const list = listeners.get(type) ?? [];
    if (!list.some((l) => l.listener === listener)) list.push({ listener, once: !!(options && options.once) });
    listeners.set(type, list);
  }
  function removeEventListener(type, listener) {
    const list = listeners.get(type);
    if (list) listeners.set(type, list.filter((l) => l.listener !== listener));
  }
  function dispatchEvent(event) {
    if (!(event instanceof Event)) throw new TypeError("Failed to execute 'dispatchEvent': parameter 1 is not of type 'Event'.");
    for (const entry of [...(listeners.get(event.type) ?? [])]) {
      if (entry.once) removeEventListener(event.type, entry.listener);
      const l = entry.listener;
      if (typeof l === 'function') l.call(g, event); else if (l && typeof l.handleEvent === 'function') l.handleEvent(event);
    }
    return !event.defaultPrevented;
  }
  const listenerCount = (type) => (listeners.get(type) ?? []).length;

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
  for (const [k, v] of Object.entries({ console, Event, PromiseRejectionEvent, ErrorEvent, addEventListener, removeEventListener, dispatchEvent,
    Headers, Request, Response, URL, URLSearchParams, setTimeout, setInterval, clearTimeout, clearInterval, queueMicrotask, scheduler })) define(k, v);
  define('self', g);

  // Private hooks for the host.
  return {
    dispatchPromiseEvent(type, promise, reason) { return dispatchEvent(new PromiseRejectionEvent(type, { promise, reason })); },
    listenerCount,
    isResponse: (v) => v instanceof Response,
    newRequest: (input, init) => new Request(input, init ?? {}),
    describeError: (e) => (e instanceof Error ? `${e.name}: ${e.message}` : inspect(e, false, 0, [])),
    deferred() { let resolve, reject; const promise = new Promise((a, b) => { resolve = a; reject = b; }); return { promise, resolve, reject }; },
    whenSettled(value, callback) { Promise.resolve(value).then((v) => callback(true, v), (e) => callback(false, e)); },
  };
})
