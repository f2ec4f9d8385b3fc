Feature: exit()
  "exit(callback function, …args arguments): any — Runs a function synchronously outside of a context
  and returns its return value. This method is equivalent to calling run() with the store value set to
  undefined."

  @ALS-EXIT-1 @documented
  Scenario: exit runs the callback synchronously and returns its value
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          als.run('s', () => {
            console.log('before');
            console.log(als.exit(() => 'value'));
            console.log('after');
            const value = {};
            console.log('same value', als.exit(() => value) === value);
          });
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @ALS-EXIT-1 @documented
  Scenario: exit passes its args to the callback
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          console.log(als.run('s', () => als.exit((a, b) => [als.getStore(), a, b], 'x', 'y')));
          const arg = {};
          console.log('same arg', als.exit((x) => x === arg, arg));
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @ALS-EXIT-2 @documented
  Scenario: inside exit the store is undefined and it is restored afterwards
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          als.run('s', () => {
            als.exit(() => console.log('in exit', als.getStore()));
            console.log('after exit', als.getStore());
          });
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @ALS-EXIT-2 @documented
  Scenario: the store is restored after exit's callback throws
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          const thrown = new SyntaxError('x');
          als.run('s', () => {
            try {
              als.exit(() => { throw thrown; });
            } catch (e) {
              console.log(e, als.getStore());
              console.log('same error', e === thrown);
            }
          });
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @ALS-EXIT-2 @documented
  Scenario: async operations created inside exit see no store
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          await als.run('s', async () => {
            await als.exit(async () => {
              await scheduler.wait(1);
              console.log('exit, after wait', als.getStore());
            });
            console.log('run, after exit', als.getStore());
          });
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @ALS-EXIT-2 @ALS-MULTI-1 @documented
  Scenario: exit on one storage leaves another storage's store in place
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const a = new AsyncLocalStorage();
      const b = new AsyncLocalStorage();
      export default {
        async test() {
          a.run('A', () => b.run('B', () => {
            a.exit(() => console.log(a.getStore(), b.getStore()));
          }));
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @ALS-EXIT-2 @ALS-MULTI-1 @documented
  Scenario: exit on a storage entered after others leaves their stores in place
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const a = new AsyncLocalStorage();
      const b = new AsyncLocalStorage();
      const c = new AsyncLocalStorage();
      export default {
        async test() {
          a.run('A', () => b.run('B', () => c.run('C', () => {
            c.exit(() => console.log('c.exit', a.getStore(), b.getStore(), c.getStore()));
            b.exit(() => console.log('b.exit', a.getStore(), b.getStore(), c.getStore()));
            console.log('after', a.getStore(), b.getStore(), c.getStore());
          })));
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @ALS-EXIT-2 @documented
  Scenario: exit behaves like run with undefined
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          const viaExit = als.run('s', () => als.exit(() => als.getStore()));
          const viaRun = als.run('s', () => als.run(undefined, () => als.getStore()));
          console.log(viaExit, viaRun);
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @OBS-TYPEERROR-1 @workerd-observed
  Scenario: exit with a callback that is not a function throws TypeError
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          try {
            als.exit(5);
          } catch (e) {
            console.log(e instanceof TypeError);
          }
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  # Found by exploration (tools/Conformance.Explore, seed 7, program 342, on Node 20): a run() of the same storage
  # inside exit() must not end the exit; when it returns, exit's undefined store is current again.
  @ALS-EXIT-2 @ALS-RUN-2 @documented
  Scenario: a run inside exit restores exit's empty store when it returns
    Given the worker program:
      """js
      import { AsyncLocalStorage, AsyncResource } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          await als.run('outer', async () => {
            als.exit(() => {
              als.run('inner', () => console.log('in the run', als.getStore()));
              console.log('in exit, after the run', als.getStore());
            });
            await als.exit(async () => {
              await als.run('inner', async () => {});
              console.log('in exit, after awaiting the run', als.getStore());
            });
            await als.exit(async () => {
              const bound = AsyncResource.bind(async () => {});
              await als.run('inner', bound);
              console.log('in exit, after awaiting a run of a bound function', als.getStore());
            });
            console.log('after exit', als.getStore());
          });
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot
