Feature: The Fetch Listener example
  The page's first example: each request runs in its own context with its own id. Run here with the
  one correction errata ERR-1 describes (the callback given to run is async).

  @EX-FETCH-1 @ALS-RUN-3 @documented
  Scenario: the fetch listener example answers each request with its own id once its callback is async
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const asyncLocalStorage = new AsyncLocalStorage();
      let idSeq = 0;
      export default {
        async fetch(req) {
          return asyncLocalStorage.run(idSeq++, async () => {
            // Simulate some async activity...
            await scheduler.wait(1000);
            return new Response(asyncLocalStorage.getStore());
          });
        }
      };
      """
    When 2 requests are sent concurrently
    Then the trace matches the verified snapshot

  @EX-FETCH-1 @ALS-RUN-3 @documented
  Scenario: overlapping requests keep their own ids while they interleave
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const asyncLocalStorage = new AsyncLocalStorage();
      export default {
        async fetch(req) {
          const path = new URL(req.url).pathname;
          const wait = path === '/0' ? 40 : 10;
          return asyncLocalStorage.run(path, async () => {
            await scheduler.wait(wait);
            console.log('done', asyncLocalStorage.getStore());
            return new Response(asyncLocalStorage.getStore());
          });
        }
      };
      """
    When 2 requests are sent concurrently
    Then the trace matches the verified snapshot
