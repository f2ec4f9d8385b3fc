Feature: A thousand concurrent requests each keep their own store
  "The store is accessible to any asynchronous operations created within the callback." (ALS-RUN-3)
  Under load: a thousand requests overlap, each crossing several awaits, a timer and a then chain;
  every response says whether its request saw only its own store at each point.

  @ALS-RUN-3 @ALS-RUN-2 @documented
  Scenario: one thousand concurrent requests each answer with their own store
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async fetch(req) {
          const id = Number(new URL(req.url).pathname.slice(1));
          const store = { id };
          return als.run(store, async () => {
            const seen = [];
            await scheduler.wait(id % 7);
            seen.push(als.getStore().id);
            await new Promise((resolve) => setTimeout(resolve, id % 5));
            seen.push(als.getStore().id);
            seen.push(await Promise.resolve().then(() => als.getStore().id));
            for (let i = 0; i < 3; i++) await null;
            seen.push(als.getStore().id);
            const own = seen.every((store) => store === id);
            return new Response(`${id} ${own ? 'kept its store' : `saw ${seen.join(',')}`}, same store ${als.getStore() === store}`);
          });
        },
      };
      """
    When 1000 requests are sent concurrently
    Then the trace matches the verified snapshot
