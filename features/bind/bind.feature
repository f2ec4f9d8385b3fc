Feature: AsyncLocalStorage.bind()
  "AsyncLocalStorage.bind(fn): function — Captures the asynchronous context that is current when bind()
  is called and returns a function that enters that context before calling the passed in function."

  @ALS-BIND-1 @documented
  Scenario: a bound function sees the context of the bind call, wherever it is called
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          const bound = als.run('bound', () => AsyncLocalStorage.bind(() => als.getStore()));
          console.log('called outside', bound());
          console.log('called in another run', als.run('other', () => bound()));
          console.log('context after the call', als.getStore());
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @ALS-BIND-1 @documented
  Scenario: a function bound outside any run sees no store even when called inside one
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      const bound = AsyncLocalStorage.bind(() => als.getStore());
      export default {
        async test() {
          console.log(als.run('caller', () => [als.getStore(), bound(), als.getStore()]));
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @ALS-BIND-1 @ALS-MULTI-1 @documented
  Scenario: bind captures every storage's store at once
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const a = new AsyncLocalStorage();
      const b = new AsyncLocalStorage();
      export default {
        async test() {
          const bound = a.run('A', () => b.run('B', () => AsyncLocalStorage.bind(() => [a.getStore(), b.getStore()])));
          console.log(b.run('other', () => bound()));
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @ALS-BIND-1 @documented
  Scenario: a bound function passes arguments and its return value through
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          const bound = als.run('s', () => AsyncLocalStorage.bind((a, b) => `${als.getStore()}:${a + b}`));
          console.log(bound(1, 2));
          const arg = {};
          const passThrough = als.run('s', () => AsyncLocalStorage.bind((x) => x));
          console.log('same value', passThrough(arg) === arg);
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @ALS-BIND-1 @ALS-RUN-3 @documented
  Scenario: async operations started by a bound function keep its context
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          const bound = als.run('bound', () => AsyncLocalStorage.bind(async () => {
            await scheduler.wait(1);
            return als.getStore();
          }));
          console.log(await als.run('caller', () => bound()));
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @ALS-BIND-1 @documented
  Scenario: the caller's context is restored when a bound function throws
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          const bound = als.run('bound', () => AsyncLocalStorage.bind(() => { throw new RangeError(); }));
          als.run('caller', () => {
            try {
              bound();
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
  Scenario: a bound function is called with this set to globalThis
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      export default {
        async test() {
          const bound = AsyncLocalStorage.bind(function () { return this; });
          const receiver = { name: 'receiver' };
          console.log(bound.call(receiver) === globalThis, bound.call(receiver) === receiver);
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @OBS-TYPEERROR-1 @workerd-observed
  Scenario: binding something that is not a function throws TypeError
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      export default {
        async test() {
          for (const value of [undefined, 1, 'fn', {}]) {
            try {
              AsyncLocalStorage.bind(value);
              console.log('accepted');
            } catch (e) {
              console.log(e.constructor.name);
            }
          }
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @OBS-FUNCTION-NAME-1 @workerd-observed
  Scenario: the functions made by bind, snapshot and a resource's bind print as functions without a name
    Given the worker program:
      """js
      import { AsyncLocalStorage, AsyncResource } from 'node:async_hooks';
      function named() { return 'called'; }
      export default {
        async test() {
          console.log(AsyncLocalStorage.bind(named), AsyncLocalStorage.snapshot());
          console.log(new AsyncResource('R').bind(named), AsyncResource.bind(named));
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot
