Feature: Where node:async_hooks can be imported
  The page imports `AsyncLocalStorage` from 'node:async_hooks' and names no compatibility flag.
  On workerd 2026-11-17 the module resolves without any compatibility flag only from compatibility
  date 2026-08-04; before that date it needs a flag (`nodejs_als` or `nodejs_compat`), which the
  workerd target adds for earlier dates (spec/runtime-bridges.md), so only this side is a scenario.

  @OBS-MODULE-AVAILABILITY-1 @workerd-observed
  Scenario: the module resolves without flags from 2026-08-04
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      console.log(typeof AsyncLocalStorage);
      """
    And the compatibility date "2026-08-04"
    When the test handler runs
    Then the trace matches the verified snapshot
