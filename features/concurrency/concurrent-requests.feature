Feature: Concurrent requests each keep their own store
  "The store is accessible to any asynchronous operations created within the callback." (ALS-RUN-3)
  Requests that overlap in time never see each other's store. The waits differ, so the requests
  interleave (the last one sent finishes first); what the trace checks is only each request's own view,
  never the order in which they finish, which a runtime's timers are free to vary.

  @ALS-RUN-3 @ALS-RUN-2 @documented
  Scenario: twenty concurrent requests each see only their own store
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async fetch(req) {
          const id = Number(new URL(req.url).pathname.slice(1));
          const store = { id };
          return als.run(store, async () => {
            await scheduler.wait((20 - id) * 10);
            const seen = als.getStore().id;
            await Promise.resolve();
            return new Response(`${als.getStore().id} ${seen === id ? 'saw only its own store' : `saw ${seen}`}, same store ${als.getStore() === store}`);
          });
        },
      };
      """
    When 20 requests are sent concurrently
    Then the trace matches the verified snapshot

  @ALS-GETSTORE-2 @documented
  Scenario: a request sees no store left over from the request before it
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async fetch(req) {
          const before = als.getStore();
          return als.run(new URL(req.url).pathname, async () => {
            await scheduler.wait(1);
            return new Response(`before: ${before}, inside: ${als.getStore()}`);
          });
        },
      };
      """
    When 3 requests are sent one after another
    Then the trace matches the verified snapshot
