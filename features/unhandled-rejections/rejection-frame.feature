Feature: Which context the unhandledrejection listener sees
  The page says the async context "propagates" to the handler but not which one, when the promise was
  created in one context and rejected in another. On workerd the listener runs in the context that was
  current when the promise was rejected (OBS-REJECTION-FRAME-1).

  @OBS-REJECTION-FRAME-1 @workerd-observed
  Scenario: a promise created in one run and rejected in another reports the rejecting run's store
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      addEventListener('unhandledrejection', (event) => console.log('unhandled', event.reason, als.getStore()));
      export default {
        async test() {
          let reject;
          als.run('created', () => new Promise((_, r) => { reject = r; }));
          als.run('rejected', () => reject('late'));
          await scheduler.wait(5);
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @OBS-REJECTION-FRAME-1 @workerd-observed
  Scenario: a pass-through chain reports the store of the run where then was called
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      addEventListener('unhandledrejection', (event) => console.log('unhandled', event.reason, als.getStore()));
      export default {
        async test() {
          let reject;
          const source = als.run('created', () => new Promise((_, r) => { reject = r; }));
          als.run('chained', () => source.then(() => console.log('not called')));
          als.run('rejected', () => reject('passes through'));
          await scheduler.wait(5);
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @OBS-REJECTION-FRAME-1 @workerd-observed
  Scenario: a rejection outside any run reports no store even if the listener was added inside one
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          als.run('listener', () => {
            addEventListener('unhandledrejection', (event) => console.log('unhandled', event.reason, als.getStore()));
          });
          Promise.reject('outside');
          await scheduler.wait(5);
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @OBS-UNHANDLED-HANDLER-1 @workerd-observed
  Scenario: a fetch handler that rejects fails its request and fires no unhandledrejection event
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      addEventListener('unhandledrejection', () => console.log('unhandled', als.getStore()));
      export default {
        async fetch() {
          return als.run('request', () => { throw new Error('boom'); });
        },
      };
      """
    When a request is sent
    Then the trace matches the verified snapshot
