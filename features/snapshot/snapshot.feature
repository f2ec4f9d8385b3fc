Feature: AsyncLocalStorage.snapshot()
  "AsyncLocalStorage.snapshot(): function — Captures the asynchronous context that is current when
  snapshot() is called and returns a function that enters that context before calling a given function."

  @ALS-SNAPSHOT-1 @documented
  Scenario: a snapshot runs any given function in the captured context
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          const snapshot = als.run('captured', () => AsyncLocalStorage.snapshot());
          console.log(snapshot(() => als.getStore()));
          console.log(als.run('other', () => snapshot(() => als.getStore())));
          console.log(als.run('other', () => snapshot(() => 'ignored') && als.getStore()));
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @ALS-SNAPSHOT-1 @documented
  Scenario: a snapshot taken outside any run enters the empty context
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          const snapshot = AsyncLocalStorage.snapshot();
          console.log(als.run('caller', () => snapshot(() => als.getStore())));
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @ALS-SNAPSHOT-1 @documented
  Scenario: a snapshot is taken when snapshot() is called, not when it is used
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          als.run('first', () => {
            const snapshot = AsyncLocalStorage.snapshot();
            als.run('second', () => console.log(snapshot(() => als.getStore()), als.getStore()));
          });
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @OBS-SNAPSHOT-ARGS-1 @workerd-observed
  Scenario: a snapshot passes extra arguments to the function and returns its value
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          const snapshot = als.run('s', () => AsyncLocalStorage.snapshot());
          console.log(snapshot((a, b) => [als.getStore(), a, b], 1, 2));
          const arg = {};
          console.log('same value', snapshot((x) => x, arg) === arg);
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @ALS-SNAPSHOT-1 @documented
  Scenario: the caller's context is restored when the function given to a snapshot throws
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          const snapshot = als.run('captured', () => AsyncLocalStorage.snapshot());
          als.run('caller', () => {
            try {
              snapshot(() => { throw new EvalError(); });
            } catch (e) {
              console.log(e, als.getStore());
            }
          });
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @OBS-THIS-1 @workerd-observed
  Scenario: the function given to a snapshot is called with this set to globalThis
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      export default {
        async test() {
          const snapshot = AsyncLocalStorage.snapshot();
          const receiver = { name: 'receiver' };
          console.log(snapshot.call(receiver, function () { return this; }) === globalThis);
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @OBS-TYPEERROR-1 @workerd-observed
  Scenario: calling a snapshot without a function throws TypeError
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      export default {
        async test() {
          const snapshot = AsyncLocalStorage.snapshot();
          for (const value of [undefined, 1, {}]) {
            try {
              snapshot(value);
            } catch (e) {
              console.log(e.constructor.name);
            }
          }
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @OBS-TYPEERROR-1 @workerd-observed
  Scenario: calling a snapshot with no argument at all throws TypeError
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          const snapshot = als.run('s', () => AsyncLocalStorage.snapshot());
          try {
            snapshot();
            console.log('no error');
          } catch (e) {
            console.log(e.constructor.name, als.getStore());
          }
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot
