Feature: Caveat: no full async_hooks API
  "Workers does not implement the full async_hooks API upon which Node.js' implementation of
  AsyncLocalStorage is built."

  @CAV-ASYNCHOOKS-1 @caveat
  Scenario: hooks created with createHook are never called
    Given the worker program:
      """js
      import * as asyncHooks from 'node:async_hooks';
      export default {
        async test() {
          let calls = 0;
          try {
            const hook = asyncHooks.createHook({ init() { calls++; }, before() { calls++; }, after() { calls++; } });
            hook.enable();
            await new Promise((resolve) => setTimeout(resolve, 1));
            await Promise.resolve();
            hook.disable();
          } catch {}
          console.log('hook calls', calls);
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @OBS-ASYNCHOOKS-STUBS-1 @workerd-observed
  Scenario: the module exports inert stand-ins for the rest of async_hooks
    Given the worker program:
      """js
      import * as asyncHooks from 'node:async_hooks';
      export default {
        async test() {
          console.log(Object.keys(asyncHooks).sort());
          const hook = asyncHooks.createHook({});
          console.log(typeof hook.enable, typeof hook.disable);
          console.log(asyncHooks.executionAsyncId(), asyncHooks.triggerAsyncId());
          console.log(asyncHooks.executionAsyncResource());
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot
