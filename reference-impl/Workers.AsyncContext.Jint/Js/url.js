// URL and URLSearchParams, minimal (absolute URLs): enough for a worker to route a request by its path.
(function (H, web) {
  'use strict';

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

  Object.assign(web, { URL, URLSearchParams });
})
