@ALS-RUN-4
Feature: Fixture: run and getStore

  A small feature for the harness's own tests; the real features live in features/.

  @ALS-RUN-1 @documented
  Scenario: run returns the callback's value
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          console.log(als.run(42, () => als.getStore()));
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @ALS-RUN-2 @documented
  Scenario: the store is visible inside a request
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        fetch(request) {
          return als.run(new URL(request.url).pathname, async () => {
            await Promise.resolve();
            return new Response(String(als.getStore()));
          });
        },
      };
      """
    And the compatibility date "2025-06-15"
    When 3 requests are sent concurrently
    Then the trace matches the verified snapshot

  @ALS-RUN-3 @caveat
  Scenario: a top-level throw is a load error
    Given the worker program:
      """js
      console.log('before');
      throw new TypeError('boom');
      """
    When a request is sent to "/x"
    Then the trace matches the verified snapshot
