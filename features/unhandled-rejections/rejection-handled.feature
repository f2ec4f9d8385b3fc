Feature: The rejectionhandled event
  The page does not mention 'rejectionhandled'. On workerd, when a handler is attached to a promise
  whose rejection was already reported unhandled, 'rejectionhandled' fires, and its listener sees the
  context in which the promise was rejected, not the one in which the handler was attached
  (OBS-REJECTIONHANDLED-1).

  @OBS-REJECTIONHANDLED-1 @workerd-observed
  Scenario: a late catch fires rejectionhandled in the rejecting context
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      addEventListener('unhandledrejection', () => console.log('unhandled', als.getStore()));
      addEventListener('rejectionhandled', () => console.log('handled', als.getStore()));
      export default {
        async test() {
          const promise = als.run('rejected', () => Promise.reject('late'));
          await scheduler.wait(5);
          als.run('attached', () => promise.catch(() => console.log('caught', als.getStore())));
          await scheduler.wait(5);
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @OBS-REJECTIONHANDLED-1 @workerd-observed
  Scenario: a catch attached before the event fires neither event
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      addEventListener('unhandledrejection', () => console.log('unhandled', als.getStore()));
      addEventListener('rejectionhandled', () => console.log('handled', als.getStore()));
      export default {
        async test() {
          const promise = als.run('rejected', () => Promise.reject('early'));
          als.run('attached', () => promise.catch(() => console.log('caught', als.getStore())));
          await scheduler.wait(5);
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot
