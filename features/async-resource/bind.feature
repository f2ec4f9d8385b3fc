Feature: asyncResource.bind()
  "asyncResource.bind(fn function, thisArg any) — Binds the given function to the async context
  associated with this AsyncResource."

  @AR-BIND-1 @documented
  Scenario: the bound function runs in the resource's context, not the caller's
    Given the worker program:
      """js
      import { AsyncResource, AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          const resource = als.run('resource', () => new AsyncResource('R'));
          const bound = als.run('binder', () => resource.bind(() => als.getStore()));
          console.log(bound(), als.run('caller', () => bound()), als.getStore());
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @AR-BIND-2 @documented
  Scenario: the bound function is called with the given thisArg
    Given the worker program:
      """js
      import { AsyncResource } from 'node:async_hooks';
      export default {
        async test() {
          const self = { name: 'self' };
          const bound = new AsyncResource('R').bind(function (a) { return [this === self, a]; }, self);
          console.log(bound('arg'));
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @OBS-THIS-1 @workerd-observed
  Scenario: without a thisArg the bound function is called with globalThis
    Given the worker program:
      """js
      import { AsyncResource } from 'node:async_hooks';
      export default {
        async test() {
          const bound = new AsyncResource('R').bind(function () { return this; });
          console.log(bound() === globalThis, bound.call({}) === globalThis);
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @OBS-TYPEERROR-1 @workerd-observed
  Scenario: binding something that is not a function throws TypeError
    Given the worker program:
      """js
      import { AsyncResource } from 'node:async_hooks';
      export default {
        async test() {
          try {
            new AsyncResource('R').bind(5);
          } catch (e) {
            console.log(e.constructor.name);
          }
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @OBS-AR-BOUND-RESOURCE-1 @workerd-observed
  Scenario: the bound function carries its resource in an asyncResource property
    Given the worker program:
      """js
      import { AsyncResource } from 'node:async_hooks';
      export default {
        async test() {
          const resource = new AsyncResource('R');
          const bound = resource.bind(() => 'called');
          console.log(bound.asyncResource === resource, bound());
          const staticBound = AsyncResource.bind(() => 'called');
          console.log(staticBound.asyncResource instanceof AsyncResource, staticBound());
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot
