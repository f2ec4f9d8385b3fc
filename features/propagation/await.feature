Feature: Propagation through await
  "The store is accessible to any asynchronous operations created within the callback." (ALS-RUN-3)
  An await inside run resumes in the run's context, however many turns later; the awaiting code
  outside the run resumes in its own context.

  @ALS-RUN-3 @documented
  Scenario: the store survives several awaits of different kinds
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          await als.run('s', async () => {
            await null;
            console.log('after await null', als.getStore());
            await new Promise((resolve) => setTimeout(resolve, 1));
            console.log('after await timer', als.getStore());
            await (async () => { await null; })();
            console.log('after await async function', als.getStore());
          });
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @ALS-RUN-2 @ALS-RUN-3 @documented
  Scenario: the code awaiting a run resumes in its own context
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          await als.run('outer', async () => {
            await als.run('inner', async () => {
              await null;
              console.log('inner', als.getStore());
            });
            console.log('outer', als.getStore());
          });
          console.log('test', als.getStore());
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot
