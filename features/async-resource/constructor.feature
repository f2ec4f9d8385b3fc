Feature: The AsyncResource constructor
  "new AsyncResource(type string, options AsyncResourceOptions): AsyncResource — Returns a new
  AsyncResource. Importantly, while the constructor arguments are required in Node.js' implementation
  of AsyncResource, they are not used in Workers."

  @AR-CTOR-1 @documented
  Scenario: the constructor returns a new AsyncResource
    Given the worker program:
      """js
      import { AsyncResource } from 'node:async_hooks';
      export default {
        async test() {
          const a = new AsyncResource('A');
          const b = new AsyncResource('A');
          console.log(a instanceof AsyncResource, a === b);
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @OBS-TYPE-IGNORED-1 @workerd-observed
  Scenario: the type argument may be omitted or be any value
    Given the worker program:
      """js
      import { AsyncResource, AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          for (const type of [undefined, 42, null, {}, 'Named']) {
            const resource = als.run(type, () => new AsyncResource(type));
            console.log(resource.runInAsyncScope(() => als.getStore()));
          }
          console.log(new AsyncResource() instanceof AsyncResource);
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @OBS-ASYNCID-1 @workerd-observed
  Scenario: asyncId and triggerAsyncId return 0
    Given the worker program:
      """js
      import { AsyncResource } from 'node:async_hooks';
      export default {
        async test() {
          const a = new AsyncResource('A');
          const b = new AsyncResource('B');
          console.log(a.asyncId(), a.triggerAsyncId(), b.asyncId(), b.triggerAsyncId());
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @OBS-AR-OPTIONS-1 @workerd-observed
  Scenario: options other than triggerAsyncId are accepted and a non-object options value is a TypeError
    Given the worker program:
      """js
      import { AsyncResource } from 'node:async_hooks';
      export default {
        async test() {
          console.log(new AsyncResource('A', {}) instanceof AsyncResource);
          console.log(new AsyncResource('A', { requireManualDestroy: true }) instanceof AsyncResource);
          try {
            new AsyncResource('A', 5);
          } catch (e) {
            console.log(e.constructor.name);
          }
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot
