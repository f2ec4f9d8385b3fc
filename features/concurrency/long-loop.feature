Feature: A long loop of runs and reactions
  The store must stay right after thousands of run + then iterations, the kind of hot loop that makes
  a JIT compile the code paths (ALS-RUN-1, ALS-RUN-2, ALS-RUN-3).

  @ALS-RUN-1 @ALS-RUN-2 @ALS-RUN-3 @documented
  Scenario: five thousand runs with a then reaction each keep their stores
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          let wrong = 0;
          for (let i = 0; i < 5000; i++) {
            const seen = await als.run(i, () => Promise.resolve().then(() => als.getStore()));
            if (seen !== i || als.getStore() !== undefined) wrong++;
          }
          console.log('wrong', wrong);
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @ALS-RUN-1 @ALS-RUN-2 @ALS-MULTI-1 @documented
  Scenario: twenty thousand nested synchronous runs of two storages keep their stores
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      const other = new AsyncLocalStorage();
      export default {
        async test() {
          let wrong = 0;
          for (let i = 0; i < 20000; i++) {
            const pair = als.run(i, () => other.run(-i, () => [als.getStore(), other.getStore()]));
            if (pair[0] !== i || pair[1] !== -i || als.getStore() !== undefined) wrong++;
          }
          console.log('wrong', wrong);
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot
