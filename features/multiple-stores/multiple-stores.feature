Feature: Multiple stores
  "The API supports multiple AsyncLocalStorage instances to be used concurrently."

  @ALS-MULTI-1 @documented
  Scenario: two storages nest without hiding each other
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als1 = new AsyncLocalStorage();
      const als2 = new AsyncLocalStorage();
      export default {
        async test() {
          als1.run(123, () => {
            console.log(als1.getStore(), als2.getStore());
            als2.run(321, () => console.log(als1.getStore(), als2.getStore()));
            console.log(als1.getStore(), als2.getStore());
          });
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @ALS-MULTI-1 @ALS-RUN-3 @documented
  Scenario: two storages both survive an await
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als1 = new AsyncLocalStorage();
      const als2 = new AsyncLocalStorage();
      export default {
        async test() {
          await als1.run('one', () => als2.run('two', async () => {
            await scheduler.wait(1);
            console.log(als1.getStore(), als2.getStore());
          }));
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @ALS-MULTI-1 @documented
  Scenario: a run of one storage inside another storage's run changes only its own store
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als1 = new AsyncLocalStorage();
      const als2 = new AsyncLocalStorage();
      export default {
        async test() {
          als1.run('a', () => als2.run('b', () => als1.run('c', () => {
            console.log(als1.getStore(), als2.getStore());
          })));
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @EX-MULTI-1 @ALS-MULTI-1 @documented
  Scenario: the multiple stores example responds 123-321 once its callback is async
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als1 = new AsyncLocalStorage();
      const als2 = new AsyncLocalStorage();
      export default {
        async fetch(req) {
          return als1.run(123, () => {
            return als2.run(321, async () => {
              // Simulate some async activity...
              await scheduler.wait(1000);
              return new Response(`${als1.getStore()}-${als2.getStore()}`);
            });
          });
        }
      };
      """
    When a request is sent
    Then the trace matches the verified snapshot
