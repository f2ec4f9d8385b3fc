Feature: Erratum ERR-1: the Fetch Listener example as written
  The page's Fetch Listener example uses `await` inside the arrow function given to run(), which is not
  async: the module is a SyntaxError and the worker never loads. See spec/errata.md, ERR-1; the
  corrected example is in features/fetch-listener/fetch-listener.feature.

  @EX-FETCH-1 @erratum @expects-load-error
  Scenario: the fetch listener example as written fails to load with a SyntaxError
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const asyncLocalStorage = new AsyncLocalStorage();
      let idSeq = 0;
      export default {
        async fetch(req) {
          return asyncLocalStorage.run(idSeq++, () => {
            // Simulate some async activity...
            await scheduler.wait(1000);
            return new Response(asyncLocalStorage.getStore());
          });
        }
      };
      """
    When 2 requests are sent concurrently
    Then the trace matches the verified snapshot
