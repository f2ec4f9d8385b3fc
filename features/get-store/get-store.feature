Feature: getStore()
  "getStore(): any — Returns the current store. If called outside of an asynchronous context
  initialized by calling asyncLocalStorage.run(), it returns undefined."

  @ALS-GETSTORE-1 @documented
  Scenario: getStore returns the very value given to run
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          const store = { id: 7 };
          als.run(store, () => console.log(als.getStore() === store, als.getStore()));
          als.run(null, () => console.log(als.getStore()));
          als.run(0, () => console.log(als.getStore()));
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @ALS-GETSTORE-2 @documented
  Scenario: getStore returns undefined at the top level of the module
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      console.log(als.getStore());
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @ALS-GETSTORE-2 @documented
  Scenario: getStore returns undefined in a handler outside of any run
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          console.log('test', als.getStore());
        },
        async fetch() {
          return new Response(`fetch ${als.getStore()}`);
        },
      };
      """
    When a request is sent
    Then the trace matches the verified snapshot

  @ALS-GETSTORE-2 @documented
  Scenario: getStore returns undefined again after run returns
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          als.run('inside', () => console.log(als.getStore()));
          console.log(als.getStore());
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot
