Feature: asyncResource.runInAsyncScope()
  "asyncResource.runInAsyncScope(fn function, thisArg any, …args arguments) — Call the provided
  function with the given arguments in the async context associated with this AsyncResource."

  @AR-RUNINSCOPE-1 @documented
  Scenario: the function runs in the resource's context and the caller's context comes back
    Given the worker program:
      """js
      import { AsyncResource, AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          const resource = als.run('resource', () => new AsyncResource('R'));
          als.run('caller', () => {
            console.log(resource.runInAsyncScope(() => als.getStore()));
            console.log(als.getStore());
          });
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @AR-RUNINSCOPE-1 @AR-RUNINSCOPE-2 @documented
  Scenario: the function gets the thisArg and the arguments
    Given the worker program:
      """js
      import { AsyncResource, AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          const resource = als.run(1, () => new AsyncResource('R'));
          console.log(resource.runInAsyncScope(function (a, b) { return [als.getStore(), this, a, b]; }, 'self', 'x', 'y'));
          const self = {};
          const arg = {};
          console.log('same this and arg', resource.runInAsyncScope(function (x) { return [this === self, x === arg]; }, self, arg));
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @AR-RUNINSCOPE-1 @documented
  Scenario: an error from the function is thrown and the caller's context is restored
    Given the worker program:
      """js
      import { AsyncResource, AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          const resource = als.run('resource', () => new AsyncResource('R'));
          als.run('caller', () => {
            try {
              resource.runInAsyncScope(() => { throw new RangeError(); });
            } catch (e) {
              console.log(e, als.getStore());
            }
          });
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @OBS-TYPEERROR-1 @workerd-observed
  Scenario: runInAsyncScope with something that is not a function throws TypeError
    Given the worker program:
      """js
      import { AsyncResource } from 'node:async_hooks';
      export default {
        async test() {
          try {
            new AsyncResource('R').runInAsyncScope(null);
          } catch (e) {
            console.log(e.constructor.name);
          }
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @OBS-THIS-1 @workerd-observed
  Scenario: without a thisArg the function is called with globalThis
    Given the worker program:
      """js
      import { AsyncResource } from 'node:async_hooks';
      export default {
        async test() {
          const resource = new AsyncResource('R');
          console.log(resource.runInAsyncScope(function () { return this === globalThis; }));
          console.log(resource.runInAsyncScope(function () { return this === globalThis; }, undefined));
          console.log(resource.runInAsyncScope(function (a, b) { return `${this === globalThis} ${a} ${b}`; }, undefined, 1, 2));
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot
