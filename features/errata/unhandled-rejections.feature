Feature: Erratum ERR-3: the Unhandled Rejections example as written
  In the page's example the error thrown inside run() is thrown by run() (ALS-RUN-5) inside the async
  fetch handler, so it rejects the handler's own promise. The runtime handles that promise (the request
  fails), so no 'unhandledrejection' event fires and the listener never prints. See spec/errata.md,
  ERR-3; the corrected example is in features/unhandled-rejections/unhandled-rejections.feature.

  @EX-UNHANDLED-1 @erratum
  Scenario: the unhandled rejections example as written never calls the listener
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
            throw new Error('boom');
          });
        }
      };
      """
    When 2 requests are sent one after another
    Then the trace matches the verified snapshot
