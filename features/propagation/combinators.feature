Feature: Propagation through Promise combinators
  Promise.all, race, any and allSettled return promises: a reaction on the result runs in the context
  where that reaction was registered, whatever the contexts of the input promises
  (OBS-COMBINATOR-1).

  @ALS-RUN-3 @documented
  Scenario: each combinator awaited inside run resumes in the run
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          const input = () => [scheduler.wait(2).then(() => 'a'), Promise.resolve('b')];
          await als.run('all', async () => console.log(await Promise.all(input()), als.getStore()));
          await als.run('race', async () => console.log(await Promise.race(input()), als.getStore()));
          await als.run('any', async () => console.log(await Promise.any(input()), als.getStore()));
          await als.run('allSettled', async () => console.log((await Promise.allSettled(input())).length, als.getStore()));
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @OBS-COMBINATOR-1 @workerd-observed
  Scenario: a combinator over promises from other runs reports the context where it is chained
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          const a = als.run('a', () => scheduler.wait(1).then(() => als.getStore()));
          const b = als.run('b', () => scheduler.wait(2).then(() => als.getStore()));
          const all = als.run('combined', () => Promise.all([a, b]));
          await als.run('chained', () => all.then((values) => console.log(values, als.getStore())));
          await Promise.any([a, b]).then((first) => console.log(first, als.getStore()));
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @OBS-COMBINATOR-1 @workerd-observed
  Scenario: a rejected combinator is caught in the context of the catch
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          const failing = als.run('input', () => Promise.reject(new RangeError()));
          await als.run('catching', () => Promise.all([failing]).catch((e) => console.log('all', e, als.getStore())));
          await als.run('catching', () => Promise.any([failing]).catch((e) => console.log('any', e, als.getStore())));
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot
