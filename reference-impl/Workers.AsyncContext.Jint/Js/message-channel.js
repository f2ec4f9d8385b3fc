// MessageChannel, MessagePort and MessageEvent (OBS-MATRIX-MESSAGE-CHANNEL-1), as workerd delivers messages: each message
// is a microtask queued by postMessage in the poster's frame (H.queueMicrotask captures it), so both `onmessage` and a
// 'message' listener run in the poster's frame, whatever frame they were added in. A port delivers only once enabled
// (onmessage set, a 'message' listener added, or start()); messages posted before that are delivered when it is
// enabled, in the enabling frame. Data is copied (plain objects, arrays and primitives; anything else throws
// DataCloneError).
(function (H, web) {
  'use strict';
  const { Event, EventTarget, DOMException } = web;

  class MessageEvent extends Event {
    #data;
    constructor(type, init = {}) { super(type, init); this.#data = init.data; }
    get data() { return this.#data; }
  }
  Object.defineProperty(MessageEvent.prototype, Symbol.toStringTag, { value: 'MessageEvent', configurable: true });

  function copy(value, seen = new Map()) {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) {
      if (typeof value === 'symbol') throw new DOMException(`${String(value)} could not be cloned.`, 'DataCloneError');
      return value;
    }
    if (seen.has(value)) return seen.get(value);
    const proto = Object.getPrototypeOf(value);
    if (Array.isArray(value)) {
      const out = []; seen.set(value, out);
      for (const item of value) out.push(copy(item, seen));
      return out;
    }
    if (typeof value === 'function' || (proto !== Object.prototype && proto !== null)) {
      throw new DOMException(`${Object.prototype.toString.call(value)} could not be cloned.`, 'DataCloneError');
    }
    const out = {}; seen.set(value, out);
    for (const key of Object.keys(value)) out[key] = copy(value[key], seen);
    return out;
  }

  const states = new WeakMap();
  const state = (port) => states.get(port);

  class MessagePort extends EventTarget {
    constructor(key) {
      if (key !== internalKey) throw new TypeError('Illegal constructor');
      super();
      states.set(this, { peer: null, enabled: false, closed: false, queued: [], onmessage: null, handler: null });
    }
    postMessage(data) {
      const s = state(this);
      if (s.closed || !s.peer) return;
      const peer = s.peer;
      const message = copy(data);
      if (state(peer).enabled) deliver(peer, message); else state(peer).queued.push(message);
    }
    start() { enable(this); }
    close() { const s = state(this); s.closed = true; if (s.peer) state(s.peer).peer = null; s.peer = null; }
    addEventListener(type, listener, options) {
      super.addEventListener(type, listener, options);
      if (String(type) === 'message') enable(this);
    }
    get onmessage() { return state(this).onmessage; }
    set onmessage(fn) {
      const s = state(this);
      s.onmessage = typeof fn === 'function' ? fn : null;
      if (!s.handler) {
        // workerd calls onmessage with this = the port, as a 'message' listener (OBS-MATRIX-THIS-1): so from 1.20261201.1, whose
        // MessagePort follows set_event_target_this (on from 2025-08-01); 1.20261117.1 gave globalThis (docs/releases.md).
        const port = this;
        s.handler = (event) => { if (s.onmessage) s.onmessage.call(port, event); };
        super.addEventListener('message', s.handler);
      }
      if (s.onmessage) enable(this);
    }
  }
  Object.defineProperty(MessagePort.prototype, Symbol.toStringTag, { value: 'MessagePort', configurable: true });
  const internalKey = Symbol('MessagePort');

  function deliver(port, message) {
    H.queueMicrotask(() => { if (!state(port).closed) port.dispatchEvent(new MessageEvent('message', { data: message })); });
  }
  function enable(port) {
    const s = state(port);
    if (s.enabled) return;
    s.enabled = true;
    for (const message of s.queued.splice(0)) deliver(port, message);
  }

  class MessageChannel {
    #port1; #port2;
    constructor() {
      this.#port1 = new MessagePort(internalKey);
      this.#port2 = new MessagePort(internalKey);
      state(this.#port1).peer = this.#port2;
      state(this.#port2).peer = this.#port1;
    }
    get port1() { return this.#port1; }
    get port2() { return this.#port2; }
  }
  Object.defineProperty(MessageChannel.prototype, Symbol.toStringTag, { value: 'MessageChannel', configurable: true });

  Object.assign(web, { MessageChannel, MessagePort, MessageEvent });
})
