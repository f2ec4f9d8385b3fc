Feature: EventTarget listeners capture no context
  An EventTarget listener runs in the context of the code that dispatches the event, not the context
  where it was added (OBS-LISTENER-NOCAPTURE-1). AsyncLocalStorage.bind fixes the context of a
  listener (ALS-BIND-1).

  @OBS-LISTENER-NOCAPTURE-1 @workerd-observed
  Scenario: a listener added inside run sees the dispatcher's store
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          const target = new EventTarget();
          als.run('added', () => target.addEventListener('ping', () => console.log('listener', als.getStore())));
          target.dispatchEvent(new Event('ping'));
          als.run('dispatcher', () => target.dispatchEvent(new Event('ping')));
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @OBS-LISTENER-NOCAPTURE-1 @workerd-observed
  Scenario: an abort listener sees the store of the code that aborts
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          const controller = new AbortController();
          als.run('added', () => controller.signal.addEventListener('abort', () => console.log('abort', als.getStore())));
          als.run('aborter', () => controller.abort());
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @ALS-BIND-1 @documented
  Scenario: a listener bound with AsyncLocalStorage.bind keeps the store where it was added
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          const target = new EventTarget();
          als.run('added', () => target.addEventListener('ping', AsyncLocalStorage.bind(() => console.log('listener', als.getStore()))));
          als.run('dispatcher', () => target.dispatchEvent(new Event('ping')));
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @OBS-LISTENER-NOCAPTURE-1 @workerd-observed @needs-flag:spec_compliant_dispatch_exceptions
  Scenario: a listener that throws does not stop the next listener or dispatchEvent
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          const target = new EventTarget();
          target.addEventListener('ping', () => { throw new RangeError('listener'); });
          target.addEventListener('ping', () => console.log('second listener', als.getStore()));
          const result = als.run('dispatcher', () => target.dispatchEvent(new Event('ping')));
          console.log('dispatchEvent returned', result, als.getStore());
          await scheduler.wait(5);
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @OBS-LISTENER-NOCAPTURE-1 @workerd-observed
  Scenario: the abort listener of AbortSignal.timeout sees no store
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          const signal = als.run('scheduled', () => AbortSignal.timeout(10));
          als.run('listener added', () => signal.addEventListener('abort', () => console.log('abort', als.getStore(), signal.reason.name)));
          console.log('aborted before', signal.aborted);
          await als.run('waiting', () => scheduler.wait(50));
          console.log('aborted after', signal.aborted);
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot
