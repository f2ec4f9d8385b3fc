Feature: The AsyncLocalStorage constructor
  "new AsyncLocalStorage(): AsyncLocalStorage — Returns a new AsyncLocalStorage instance."
  The class is imported from the built-in module `node:async_hooks`.

  @EX-CTOR-1 @documented
  Scenario: the constructor example loads and creates an instance
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const asyncLocalStorage = new AsyncLocalStorage();
      console.log(asyncLocalStorage instanceof AsyncLocalStorage);
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @ALS-CTOR-1 @documented
  Scenario: each call returns a new, independent instance
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const a = new AsyncLocalStorage();
      const b = new AsyncLocalStorage();
      export default {
        async test() {
          console.log(a === b, a instanceof AsyncLocalStorage, b instanceof AsyncLocalStorage);
          a.run('only a', () => console.log(a.getStore(), b.getStore()));
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @ALS-BG-1 @documented
  Scenario: a store remains coherent through asynchronous operations
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          const store = { user: 'ada' };
          await als.run(store, async () => {
            await Promise.resolve();
            console.log('after await', als.getStore());
            await new Promise((resolve) => setTimeout(resolve, 1));
            console.log('after timer', als.getStore());
            console.log('same store', als.getStore() === store);
          });
          console.log('outside', als.getStore());
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @OBS-CALL-WITHOUT-NEW-1 @workerd-observed
  Scenario: calling the constructor without new throws TypeError
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      export default {
        async test() {
          try {
            AsyncLocalStorage();
          } catch (e) {
            console.log(e.constructor.name);
          }
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot
