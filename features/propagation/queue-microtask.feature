Feature: Propagation through queueMicrotask
  A microtask is an asynchronous operation: one queued inside run runs in the run's context
  (ALS-RUN-3), one queued outside sees no store (ALS-RUN-2).

  @ALS-RUN-3 @documented
  Scenario: a microtask queued inside run sees the store after run returned
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          als.run('queued', () => queueMicrotask(() => console.log('microtask', als.getStore())));
          console.log('synchronous', als.getStore());
          await null;
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @ALS-RUN-2 @documented
  Scenario: a microtask queued outside any run sees no store
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          queueMicrotask(() => console.log('microtask', als.getStore()));
          await als.run('awaiting', async () => { await null; await null; });
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot
