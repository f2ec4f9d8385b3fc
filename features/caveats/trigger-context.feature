Feature: Caveat: no explicit trigger context for AsyncResource
  "Workers does not implement the ability to create an AsyncResource with an explicitly identified
  trigger context as allowed by Node.js. This means that a new AsyncResource will always be bound to
  the async context in which it was created."

  @CAV-TRIGGER-1 @caveat
  Scenario: a resource cannot be created with an explicit trigger
    Given the worker program:
      """js
      import { AsyncResource, executionAsyncId } from 'node:async_hooks';
      export default {
        async test() {
          let created = false;
          try {
            new AsyncResource('R', { triggerAsyncId: executionAsyncId() + 1 });
            created = true;
          } catch {}
          console.log('created with a trigger:', created);
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @CAV-TRIGGER-2 @documented
  Scenario: a new resource is always bound to the context in which it was created
    Given the worker program:
      """js
      import { AsyncResource, AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          const resource = als.run('created', () => new AsyncResource('R'));
          console.log(als.run('used', () => resource.runInAsyncScope(() => als.getStore())));
          await als.run('later', () => scheduler.wait(1));
          console.log(resource.runInAsyncScope(() => als.getStore()));
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @OBS-TRIGGER-THROWS-1 @workerd-observed
  Scenario: any triggerAsyncId option throws Error
    Given the worker program:
      """js
      import { AsyncResource } from 'node:async_hooks';
      export default {
        async test() {
          for (const triggerAsyncId of [0, 1, -1]) {
            try {
              new AsyncResource('R', { triggerAsyncId });
              console.log('accepted');
            } catch (e) {
              console.log(e);
            }
          }
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot
