Feature: run()
  "run(store any, callback function, …args arguments): any — Runs a function synchronously within a
  context and returns its return value. The store is not accessible outside of the callback function.
  The store is accessible to any asynchronous operations created within the callback. The optional
  args are passed to the callback function. If the callback function throws an error, the error is
  thrown by run() also."

  @ALS-RUN-1 @documented
  Scenario: run returns the callback's value
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          console.log(als.run(1, () => als.getStore() + 1));
          const value = { v: 1 };
          console.log('same value', als.run('s', () => value) === value);
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @ALS-RUN-1 @documented
  Scenario: run calls the callback synchronously
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          console.log('before');
          als.run('s', () => console.log('callback', als.getStore()));
          console.log('after');
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @ALS-RUN-1 @ALS-RUN-3 @documented
  Scenario: run returns the promise of an async callback, which resolves inside the context
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          const result = als.run('s', async () => {
            await null;
            return als.getStore();
          });
          console.log(result);
          console.log(await result);
          let made;
          const returned = als.run('s', () => (made = (async () => als.getStore())()));
          console.log('same promise', returned === made, await returned);
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @ALS-RUN-2 @documented
  Scenario: the store is visible inside the callback and not after it
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          als.run('inside', () => console.log('in', als.getStore()));
          console.log('out', als.getStore());
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @ALS-RUN-2 @documented
  Scenario: a nested run of the same storage shadows the outer store and restores it
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          als.run('outer', () => {
            console.log(als.getStore());
            als.run('inner', () => console.log(als.getStore()));
            console.log(als.getStore());
          });
          console.log(als.getStore());
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @ALS-RUN-2 @ALS-RUN-5 @documented
  Scenario: the previous store is restored when the callback throws
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          const thrown = new RangeError('no');
          als.run('outer', () => {
            try {
              als.run('inner', () => { throw thrown; });
            } catch (e) {
              console.log(e.constructor.name, als.getStore());
              console.log('same error', e === thrown);
            }
          });
          console.log(als.getStore());
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @ALS-RUN-3 @documented
  Scenario: async operations created within the callback see the store after it returned
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          const done = als.run('s', async () => {
            await scheduler.wait(5);
            console.log('after wait', als.getStore());
          });
          console.log('run returned', als.getStore());
          await done;
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @ALS-RUN-3 @documented
  Scenario: async operations created outside the callback do not see the store
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          const outside = new Promise((resolve) => setTimeout(resolve, 5));
          const inside = als.run('s', () => outside.then(() => als.getStore()));
          const plain = outside.then(() => als.getStore());
          console.log(await inside, await plain);
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @ALS-RUN-4 @documented
  Scenario: the optional args are passed to the callback
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          console.log(als.run('s', (a, b, ...rest) => [als.getStore(), a, b, rest], 1, 'two', 3, 4));
          console.log(als.run('s', (...args) => args.length));
          const arg = {};
          console.log('same arg', als.run('s', (x) => x === arg, arg));
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @ALS-RUN-5 @documented
  Scenario: the callback's error is thrown by run itself
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          const error = new TypeError('boom');
          try {
            als.run('s', () => { throw error; });
            console.log('not reached');
          } catch (e) {
            console.log(e === error, e);
          }
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @ALS-RUN-5 @documented
  Scenario: a thrown non-error value is thrown by run too
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          try {
            als.run('s', () => { throw 42; });
          } catch (e) {
            console.log('caught', e);
          }
          const value = { code: 42 };
          try {
            als.run('s', () => { throw value; });
          } catch (e) {
            console.log('same value', e === value);
          }
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @OBS-TYPEERROR-1 @workerd-observed
  Scenario: run with a callback that is not a function throws TypeError
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          for (const callback of [undefined, 5, 'f', {}]) {
            try {
              als.run('s', callback);
            } catch (e) {
              console.log(e.constructor.name, als.getStore());
            }
          }
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @OBS-TYPEERROR-1 @workerd-observed
  Scenario: run with only a store, or with no argument at all, throws TypeError
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          for (const args of [['s'], []]) {
            try {
              als.run(...args);
              console.log('returned', args.length);
            } catch (e) {
              console.log(args.length, e.constructor.name, als.getStore());
            }
          }
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot
