Feature: Propagation through scheduler.wait
  scheduler.wait() returns a promise: awaiting it inside run resumes in the run's context
  (ALS-RUN-3); a reaction registered on it outside the run sees no store (OBS-THEN-REGISTRATION-1).

  @ALS-RUN-3 @documented
  Scenario: await scheduler.wait inside run keeps the store
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          await als.run('waiting', async () => {
            await scheduler.wait(5);
            console.log(als.getStore());
          });
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @OBS-THEN-REGISTRATION-1 @workerd-observed
  Scenario: a wait started inside run but awaited outside resumes outside
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          const wait = als.run('started', () => scheduler.wait(5));
          await wait;
          console.log('after wait', als.getStore());
          await als.run('chained', () => scheduler.wait(1).then(() => console.log('then', als.getStore())));
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot
