// The Cache API with the worker's own fetch handler as its backend (issue 20, OBS-BOUNDARY-CACHE-1), as workerd's
// cacheApiOutbound pointed at the worker's service: a put is a PUT of the serialised response to the key's URL, a match
// a GET with `cache-control: only-if-cached` whose answer is a hit only with `cf-cache-status: HIT`, a delete a PURGE.
// Each goes through env.SELF.fetch, so the backend runs as a request of its own in an empty frame and each promise
// settles as the caller's fetch does. The host installs `caches` only when the scenario declares the backend.
(function (H, web) {
  'use strict';
  const { Request, Response, Headers } = web;
  const reasons = { 200: 'OK', 201: 'Created', 204: 'No Content', 404: 'Not Found' };
  const keyOf = (request) => (request instanceof Request ? request : new Request(String(request)));

  /** The response as workerd sends it to the backend: status line, headers (with its length), blank line, body. */
  function serialise(response, body) {
    const headers = new Headers(response.headers);
    headers.set('content-length', String(unescape(encodeURIComponent(body)).length));
    if (!headers.has('content-type')) headers.set('content-type', 'text/plain;charset=UTF-8');
    const lines = [`HTTP/1.1 ${response.status} ${response.statusText || reasons[response.status] || ''}`];
    headers.forEach((value, name) => lines.push(`${name}: ${value}`));
    return `${lines.join('\r\n')}\r\n\r\n${body}`;
  }

  function cacheOf(selfFetch) {
    return {
      async put(request, response) {
        if (!(response instanceof Response)) throw new TypeError('Cache.put() requires a Response');
        const key = keyOf(request);
        if (key.method !== 'GET') throw new TypeError('Cannot cache response to non-GET request.');
        const body = await response.text();
        await selfFetch(key.url, { method: 'PUT', headers: key.headers, body: serialise(response, body) });
      },
      async match(request) {
        const key = keyOf(request);
        const headers = new Headers(key.headers);
        headers.set('cache-control', 'only-if-cached');
        const answer = await selfFetch(key.url, { method: 'GET', headers });
        return answer.headers.get('cf-cache-status') === 'HIT' ? answer : undefined;
      },
      async delete(request) {
        const key = keyOf(request);
        const answer = await selfFetch(key.url, { method: 'PURGE', headers: key.headers });
        return answer.status === 200;
      },
    };
  }

  function installCaches(selfFetch) {
    // caches.open() (a named cache, which workerd tells the backend with a namespace header) is left out: no row uses it.
    const caches = { default: cacheOf(selfFetch) };
    Object.defineProperty(globalThis, 'caches', { value: caches, writable: true, configurable: true, enumerable: false });
  }

  web.platform.installCaches = installCaches;
})
