// Headers, Request and Response with text or ReadableStream bodies: what a module worker's fetch handler and env.SELF.fetch need
// (spec/runtime-bridges.md: each request is dispatched into the module's fetch in a fresh async context).
(function (H, web) {
  'use strict';

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
  // A stream body (streams-readable.js loads after this file, so the class is looked up when a body is made).
  const isStream = (body) => typeof web.ReadableStream === 'function' && body instanceof web.ReadableStream;
  const utf8 = (bytes) => decodeURIComponent(escape(Array.from(bytes, (b) => String.fromCharCode(b)).join('')));
  /** The whole text of a stream body, read chunk by chunk in the stream's own frames (OBS-BOUNDARY-SUBREQUEST-1). */
  async function streamText(stream) {
    const reader = stream.getReader();
    let text = '';
    for (let result = await reader.read(); !result.done; result = await reader.read()) {
      const chunk = result.value;
      text += typeof chunk === 'string' ? chunk : utf8(chunk instanceof ArrayBuffer ? new Uint8Array(chunk) : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    }
    return text;
  }
  class Body {
    #body; #used = false;
    constructor(body) { this.#body = body === undefined || body === null ? null : isStream(body) ? body : bodyText(body); }
    get bodyUsed() { return this.#used; }
    get body() { return this.#body; }
    #consume() {
      if (this.#used) return Promise.reject(new TypeError('Body has already been used. It can only be used once.'));
      this.#used = true;
      return isStream(this.#body) ? streamText(this.#body) : Promise.resolve(this.#body ?? '');
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

  Object.assign(web, { Headers, Request, Response });
})
