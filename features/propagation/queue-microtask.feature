Feature: Propagation through queueMicrotask
  A microtask queued inside run runs in the run's context (ALS-RUN-3), captured when it was queued
  (OBS-MICROTASK-1).

  @ALS-RUN-3 @OBS-MICROTASK-1 @workerd-observed
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

  @OBS-MICROTASK-1 @workerd-observed
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
