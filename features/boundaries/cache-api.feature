Feature: Async context through the Cache API
  caches.default sends its put and match to the worker's cache backend as requests of their own and settles its
  promises when the backend has answered. Here the worker is its own backend (workerd's cacheApiOutbound: a put is a
  PUT of the serialised response, a match a GET that answers `cf-cache-status: HIT` or `MISS`), so the backend's
  handler is one more candidate frame beside where put or match was called, where then was attached and where the
  result is awaited.

  @OBS-BOUNDARY-CACHE-1 @workerd-observed
  Scenario: the Cache API's promises resume where they were awaited, and its backend sees none of the caller's stores
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      const kept = new Map();
      export default {
        // The cache backend: stores the serialised response of a PUT and answers a GET with its body, or a miss.
        fetch(request) {
          console.log('backend', request.method, request.headers.get('cache-control'), 'sees', als.getStore());
          return als.run('backend', async () => {
            await scheduler.wait(1);
            if (request.method === 'PUT') {
              kept.set(request.url, await request.text());
              return new Response(null, { status: 204 });
            }
            const entry = kept.get(request.url);
            if (entry === undefined) return new Response(null, { headers: { 'cf-cache-status': 'MISS' } });
            return new Response(entry.slice(entry.indexOf('\r\n\r\n') + 4), { headers: { 'cf-cache-status': 'HIT' } });
          });
        },
        async test() {
          const cache = caches.default;
          const url = 'http://conformance.test/cached';
          const put = als.run('where put was called', () => cache.put(url, new Response('kept body')));
          await als.run('where then was attached', () => put.then(() => console.log('put settles and then sees', als.getStore())));
          const match = als.run('where match was called', () => cache.match(url));
          await als.run('awaiting the match', async () => {
            const response = await match;
            console.log('match resumes in', als.getStore(), 'with', response.headers.get('cf-cache-status'));
            console.log('cached body', await response.text(), 'resumes in', als.getStore());
          });
          await als.run('awaiting a miss', async () => {
            const missed = await cache.match('http://conformance.test/never-put');
            console.log('a miss gives', missed, 'and resumes in', als.getStore());
          });
        },
      };
      """
    And the worker is its own Cache API backend
    When the test handler runs
    Then the trace matches the verified snapshot
