Feature: AsyncResource.bind()
  "AsyncResource.bind(fn function, type string, thisArg any) — Binds the given function to the current
  async context."

  @AR-STATIC-BIND-1 @documented
  Scenario: the static bind binds to the context current at the call
    Given the worker program:
      """js
      import { AsyncResource, AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          const bound = als.run('bound', () => AsyncResource.bind(() => als.getStore()));
          console.log(bound(), als.run('caller', () => bound()), als.getStore());
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @AR-STATIC-BIND-1 @documented
  Scenario: the static bind passes arguments and the return value through
    Given the worker program:
      """js
      import { AsyncResource, AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          const bound = als.run('s', () => AsyncResource.bind((a, b) => [als.getStore(), a, b], 'Type'));
          console.log(bound('x', 'y'));
          const arg = {};
          console.log('same value', AsyncResource.bind((x) => x)(arg) === arg);
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @AR-STATIC-BIND-2 @documented
  Scenario: the static bind calls the function with the given thisArg
    Given the worker program:
      """js
      import { AsyncResource } from 'node:async_hooks';
      export default {
        async test() {
          const self = { name: 'self' };
          const bound = AsyncResource.bind(function () { return this; }, 'Type', self);
          console.log(bound() === self, bound.call({}) === self);
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @OBS-THIS-1 @workerd-observed
  Scenario: without a thisArg the static bind calls the function with globalThis
    Given the worker program:
      """js
      import { AsyncResource } from 'node:async_hooks';
      export default {
        async test() {
          const bound = AsyncResource.bind(function () { return this; });
          console.log(bound() === globalThis, bound.call({}) === globalThis);
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @OBS-TYPEERROR-1 @workerd-observed
  Scenario: the static bind of something that is not a function throws TypeError
    Given the worker program:
      """js
      import { AsyncResource } from 'node:async_hooks';
      export default {
        async test() {
          try {
            AsyncResource.bind('not a function');
          } catch (e) {
            console.log(e.constructor.name);
          }
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot
