Feature: When the unhandledrejection event fires
  The page does not say when the event fires. workerd's compatibility flag
  `unhandled_rejection_after_microtask_checkpoint` (default from compatibility date 2026-03-03) moves it
  after the microtask checkpoint: a handler attached by a later microtask of the same turn then
  prevents the event. Before that date the event fires as soon as the current task's synchronous code
  ends, before any pending microtask
  (OBS-REJECTION-TIMING-1). These programs do not import node:async_hooks, which workerd resolves
  without a compatibility flag only from 2026-08-04 (OBS-MODULE-AVAILABILITY-1).

  @OBS-REJECTION-TIMING-1 @workerd-observed
  Scenario: from 2026-03-03 a catch attached a few microtasks later prevents the event
    Given the worker program:
      """js
      addEventListener('unhandledrejection', (event) => console.log('unhandled', event.reason));
      addEventListener('rejectionhandled', () => console.log('handled'));
      export default {
        async test() {
          await scheduler.wait(1);
          const promise = Promise.reject('late');
          await null;
          await null;
          console.log('attaching');
          promise.catch(() => console.log('caught'));
          await scheduler.wait(5);
        },
      };
      """
    And the compatibility date "2026-03-03"
    When the test handler runs
    Then the trace matches the verified snapshot

  @OBS-REJECTION-TIMING-1 @workerd-observed
  Scenario: before 2026-03-03 the event fires before the next microtask
    Given the worker program:
      """js
      addEventListener('unhandledrejection', (event) => console.log('unhandled', event.reason));
      addEventListener('rejectionhandled', () => console.log('handled'));
      export default {
        async test() {
          await scheduler.wait(1);
          const promise = Promise.reject('late');
          await null;
          await null;
          console.log('attaching');
          promise.catch(() => console.log('caught'));
          await scheduler.wait(5);
        },
      };
      """
    And the compatibility date "2026-03-02"
    When the test handler runs
    Then the trace matches the verified snapshot

  @OBS-REJECTION-TIMING-1 @workerd-observed
  Scenario: from 2026-03-03 the event fires after the pending microtasks
    Given the worker program:
      """js
      addEventListener('unhandledrejection', (event) => console.log('unhandled', event.reason));
      export default {
        async test() {
          await scheduler.wait(1);
          Promise.reject('never handled');
          console.log('synchronous code');
          await null;
          console.log('next microtask');
          await scheduler.wait(5);
        },
      };
      """
    And the compatibility date "2026-03-03"
    When the test handler runs
    Then the trace matches the verified snapshot

  @OBS-REJECTION-TIMING-1 @workerd-observed
  Scenario: before 2026-03-03 the event fires before the pending microtasks
    Given the worker program:
      """js
      addEventListener('unhandledrejection', (event) => console.log('unhandled', event.reason));
      export default {
        async test() {
          await scheduler.wait(1);
          Promise.reject('never handled');
          console.log('synchronous code');
          await null;
          console.log('next microtask');
          await scheduler.wait(5);
        },
      };
      """
    And the compatibility date "2026-03-02"
    When the test handler runs
    Then the trace matches the verified snapshot

  @OBS-REJECTION-TIMING-1 @workerd-observed
  Scenario: before 2026-03-03 one report covers a turn's rejections and a later rejection queues a new one
    Given the worker program:
      """js
      addEventListener('unhandledrejection', (event) => console.log('unhandled', event.reason));
      export default {
        async test() {
          await scheduler.wait(1);
          Promise.reject('a');
          queueMicrotask(() => {
            queueMicrotask(() => console.log('microtask queued before c'));
            Promise.reject('c');
            console.log('c rejected');
          });
          Promise.reject('b');
          console.log('synchronous code');
          await scheduler.wait(5);
        },
      };
      """
    And the compatibility date "2026-03-02"
    When the test handler runs
    Then the trace matches the verified snapshot
