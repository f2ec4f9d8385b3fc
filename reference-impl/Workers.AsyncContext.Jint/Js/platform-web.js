// The Workers platform's web objects the boundary rows need (issue 20, item 4): WebSocketPair, whose events are
// dispatched on the receiving end as new macrotasks in an empty frame (OBS-BOUNDARY-WEBSOCKET-1), crypto.subtle's
// digest, HMAC importKey and sign, computed by the host and settled a microtask later (OBS-BOUNDARY-SUBTLE-1), and
// TextEncoder and TextDecoder (UTF-8).
(function (H, web) {
  'use strict';
  const { Event, EventTarget, MessageEvent, DOMException } = web;
  const g = globalThis;
  const define = (name, value) => Object.defineProperty(g, name, { value, writable: true, configurable: true, enumerable: false });

  class CloseEvent extends Event {
    #code; #reason;
    constructor(type, init = {}) { super(type, init); this.#code = init.code ?? 0; this.#reason = init.reason ?? ''; }
    get code() { return this.#code; }
    get reason() { return this.#reason; }
    get wasClean() { return true; }
  }

  const sockets = new WeakMap();
  class WebSocket extends EventTarget {
    constructor(key) {
      if (key !== sockets) throw new TypeError('Illegal constructor');
      super();
      sockets.set(this, { peer: null, accepted: false, queued: [], closeSent: false });
    }
    accept() {
      const s = sockets.get(this);
      s.accepted = true;
      for (const event of s.queued.splice(0)) deliver(this, event);
    }
    send(data) { post(sockets.get(this).peer, () => new MessageEvent('message', { data })); }
    close(code = 1000, reason = '') {
      const s = sockets.get(this);
      if (s.closeSent) return;
      s.closeSent = true;
      post(s.peer, () => new CloseEvent('close', { code, reason }));
    }
  }
  function post(target, makeEvent) {
    const s = sockets.get(target);
    if (s.accepted) deliver(target, makeEvent); else s.queued.push(makeEvent);
  }
  function deliver(target, makeEvent) { H.dispatch('', () => target.dispatchEvent(makeEvent())); }

  class WebSocketPair {
    constructor() {
      const client = new WebSocket(sockets);
      const server = new WebSocket(sockets);
      sockets.get(client).peer = server;
      sockets.get(server).peer = client;
      Object.defineProperty(this, 0, { value: client, enumerable: true });
      Object.defineProperty(this, 1, { value: server, enumerable: true });
    }
  }

  class TextEncoder {
    get encoding() { return 'utf-8'; }
    encode(text = '') { return new Uint8Array(Array.from(unescape(encodeURIComponent(String(text))), (c) => c.charCodeAt(0))); }
  }

  class TextDecoder {
    get encoding() { return 'utf-8'; }
    decode(data) {
      if (data === undefined) return '';
      const view = data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      return decodeURIComponent(escape(Array.from(view, (b) => String.fromCharCode(b)).join('')));
    }
  }

  const bytes = (data) => (data instanceof ArrayBuffer ? Array.from(new Uint8Array(data)) : Array.from(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)));
  const nameOf = (algorithm) => String(typeof algorithm === 'string' ? algorithm : algorithm?.name).toUpperCase();
  const keys = new WeakMap();
  const later = (compute) => Promise.resolve().then(compute);
  const unsupported = (what) => new DOMException(`${what} is not supported by the reference host`, 'NotSupportedError');
  const subtle = {
    digest: (algorithm, data) => later(() => new Uint8Array(H.digest(nameOf(algorithm), bytes(data))).buffer),
    importKey(format, keyData, algorithm, extractable, usages) {
      return later(() => {
        if (format !== 'raw' || nameOf(algorithm) !== 'HMAC') throw unsupported(`importKey(${format}, ${nameOf(algorithm)})`);
        const key = { type: 'secret', extractable: !!extractable, usages: [...usages], algorithm: { name: 'HMAC', hash: { name: nameOf(algorithm.hash) } } };
        keys.set(key, bytes(keyData));
        return key;
      });
    },
    sign(algorithm, key, data) {
      return later(() => {
        if (nameOf(algorithm) !== 'HMAC' || !keys.has(key)) throw unsupported(`sign(${nameOf(algorithm)})`);
        return new Uint8Array(H.hmac(key.algorithm.hash.name, keys.get(key), bytes(data))).buffer;
      });
    },
  };

  define('WebSocketPair', WebSocketPair);
  define('WebSocket', WebSocket);
  define('CloseEvent', CloseEvent);
  define('TextEncoder', TextEncoder);
  define('TextDecoder', TextDecoder);
  define('crypto', { subtle });
})
