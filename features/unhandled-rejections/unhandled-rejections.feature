Feature: Unhandled rejections
  "When a Promise rejects and the rejection is unhandled, the async context propagates to the
  'unhandledrejection' event handler"
  The page's example, corrected as errata ERR-3 describes, and each way a promise can end up rejected
  with nobody handling it.

  @EX-UNHANDLED-1 @UR-1 @documented
  Scenario: the unhandled rejections example logs each request's id once the rejection is really unhandled
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const asyncLocalStorage = new AsyncLocalStorage();
      let idSeq = 0;
      addEventListener('unhandledrejection', (event) => {
        console.log(asyncLocalStorage.getStore(), 'unhandled rejection!');
      });
      export default {
        async fetch(req) {
          return asyncLocalStorage.run(idSeq++, () => {
            // Cause an unhandled rejection!
            Promise.reject(new Error('boom'));
            return new Response('ok');
          });
        }
      };
      """
    When 2 requests are sent one after another
    Then the trace matches the verified snapshot

  @UR-1 @documented
  Scenario: Promise.reject inside run
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      addEventListener('unhandledrejection', (event) => console.log('unhandled', event.reason, als.getStore()));
      export default {
        async test() {
          als.run('store', () => { Promise.reject('reason'); });
          await scheduler.wait(5);
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @UR-1 @documented
  Scenario: an async function that throws inside run
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      addEventListener('unhandledrejection', (event) => console.log('unhandled', event.reason, als.getStore()));
      export default {
        async test() {
          als.run('store', () => {
            (async () => { throw new RangeError('thrown'); })();
          });
          await scheduler.wait(5);
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @UR-1 @documented
  Scenario: an async function that throws after an await inside run
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      addEventListener('unhandledrejection', (event) => console.log('unhandled', event.reason, als.getStore()));
      export default {
        async test() {
          als.run('store', async () => {
            await scheduler.wait(1);
            throw new RangeError('thrown later');
          });
          await scheduler.wait(10);
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @UR-1 @documented
  Scenario: a then handler that throws, registered inside run
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      addEventListener('unhandledrejection', (event) => console.log('unhandled', event.reason, als.getStore()));
      export default {
        async test() {
          als.run('store', () => {
            Promise.resolve().then(() => { throw 'from handler'; });
          });
          await scheduler.wait(5);
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @UR-1 @documented
  Scenario: a rejection inside a timer scheduled inside run
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      addEventListener('unhandledrejection', (event) => console.log('unhandled', event.reason, als.getStore()));
      export default {
        async test() {
          als.run('store', () => {
            setTimeout(() => { Promise.reject('in timer'); }, 1);
          });
          await scheduler.wait(10);
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @UR-1 @documented
  Scenario: no unhandledrejection event when the rejection is handled
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      addEventListener('unhandledrejection', (event) => console.log('unhandled', event.reason, als.getStore()));
      export default {
        async test() {
          als.run('store', () => {
            Promise.reject('handled').catch((reason) => console.log('caught', reason, als.getStore()));
          });
          await scheduler.wait(5);
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @UR-1 @documented
  Scenario: each request's unhandled rejection carries that request's store
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      // The two requests' events may come in either order (they race on timers): each line says only whether the
      // event's store is the store of the request that rejected, so the trace does not depend on the order.
      addEventListener('unhandledrejection', (event) => console.log('unhandled in its own request', event.reason === `rejected in ${als.getStore()}`));
      export default {
        async fetch(req) {
          const path = new URL(req.url).pathname;
          return als.run(path, async () => {
            await scheduler.wait(path === '/0' ? 40 : 10);
            Promise.reject(`rejected in ${path}`);
            return new Response('ok');
          });
        },
      };
      """
    When 2 requests are sent concurrently
    Then the trace matches the verified snapshot
