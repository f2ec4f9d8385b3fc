Feature: Propagation through async generators and for await
  An async generator's body runs in the context of whoever resumes it with next(), not the context
  where the generator object was created (OBS-ASYNCGEN-1); after an await inside the body it resumes
  in the context current at that await.

  @ALS-RUN-3 @documented
  Scenario: for await inside run sees the store in the loop and in the generator
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      async function* numbers() {
        for (let i = 1; i <= 2; i++) {
          await scheduler.wait(1);
          console.log('generator', i, als.getStore());
          yield i;
        }
      }
      export default {
        async test() {
          await als.run('loop', async () => {
            for await (const n of numbers()) console.log('body', n, als.getStore());
          });
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @OBS-ASYNCGEN-1 @workerd-observed
  Scenario: each next call runs the generator body in the caller's context
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      async function* steps() {
        console.log('step 1', als.getStore());
        yield;
        console.log('step 2', als.getStore());
        await null;
        console.log('step 2 after await', als.getStore());
      }
      export default {
        async test() {
          const generator = als.run('created', () => steps());
          await als.run('first next', () => generator.next());
          await als.run('second next', () => generator.next());
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot
