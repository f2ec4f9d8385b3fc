Feature: Erratum ERR-2: the Multiple stores example as written
  The page's Multiple stores example uses `await` inside the innermost arrow function given to
  als2.run(), which is not async: the module is a SyntaxError and the worker never loads. See
  spec/errata.md, ERR-2; the corrected example is in features/multiple-stores/multiple-stores.feature.

  @EX-MULTI-1 @erratum @expects-load-error
  Scenario: the multiple stores example as written fails to load with a SyntaxError
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als1 = new AsyncLocalStorage();
      const als2 = new AsyncLocalStorage();
      export default {
        async fetch(req) {
          return als1.run(123, () => {
            return als2.run(321, () => {
              // Simulate some async activity...
              await scheduler.wait(1000);
              return new Response(`${als1.getStore()}-${als2.getStore()}`);
            });
          });
        }
      };
      """
    When a request is sent
    Then the trace matches the verified snapshot
