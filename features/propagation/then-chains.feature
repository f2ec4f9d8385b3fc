Feature: Propagation through then chains
  A reaction (then, catch, finally) runs in the context current when it was registered, not when the
  promise was created or settled (OBS-THEN-REGISTRATION-1).

  @ALS-RUN-3 @documented
  Scenario: a chain created inside run and settled outside it runs in the run's context
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          let resolve;
          const source = new Promise((r) => { resolve = r; });
          const chain = als.run('registered', () => source
            .then((v) => { console.log('then', v, als.getStore()); throw new Error('x'); })
            .catch((e) => console.log('catch', e, als.getStore()))
            .finally(() => console.log('finally', als.getStore())));
          als.run('settler', () => resolve(1));
          await chain;
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @OBS-THEN-REGISTRATION-1 @workerd-observed
  Scenario: a promise created inside run but chained outside runs reactions outside
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          const promise = als.run('created', () => Promise.resolve('v'));
          await promise.then((v) => console.log('chained outside', v, als.getStore()));
          await als.run('chained', () => promise.then((v) => console.log('chained inside', v, als.getStore())));
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot
