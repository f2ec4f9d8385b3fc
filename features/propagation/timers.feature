Feature: Propagation through timers
  Timers scheduled inside run call back in the run's context (ALS-RUN-3), also after run returned;
  a timer scheduled outside sees no store (ALS-RUN-2). That clearTimeout from another context cancels
  is pinned to workerd (OBS-TIMER-FRAME-1).

  @ALS-RUN-2 @ALS-RUN-3 @documented
  Scenario: setTimeout calls back in the context where it was scheduled
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          await new Promise((done) => {
            als.run('scheduled', () => setTimeout(() => {
              console.log('timeout', als.getStore());
              done();
            }, 1));
            console.log('outside', als.getStore());
          });
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @ALS-RUN-2 @ALS-RUN-3 @documented
  Scenario: a timer scheduled outside any run sees no store even when a run is active when it fires
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          const fired = new Promise((done) => setTimeout(() => done(als.getStore()), 1));
          await als.run('waiting', async () => console.log('timer saw', await fired, 'awaiter sees', als.getStore()));
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @ALS-RUN-3 @documented
  Scenario: every tick of setInterval runs in the scheduling context until clearInterval
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          await new Promise((done) => {
            let ticks = 0;
            als.run('interval', () => {
              const id = setInterval(() => {
                console.log('tick', ++ticks, als.getStore());
                if (ticks === 3) { clearInterval(id); done(); }
              }, 1);
            });
          });
          await scheduler.wait(10);
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @OBS-TIMER-FRAME-1 @workerd-observed
  Scenario: a timer cleared inside another run never fires
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          const id = als.run('scheduled', () => setTimeout(() => console.log('cleared timer fired'), 1));
          als.run('clearing', () => clearTimeout(id));
          als.run('kept', () => setTimeout(() => console.log('kept timer', als.getStore()), 5));
          await scheduler.wait(20);
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @ALS-RUN-3 @documented
  Scenario: timers scheduled in different runs fire in deadline order with their own stores
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          // 75 ms apart, so no stall between the two calls on a loaded machine reorders the deadlines
          als.run('slow', () => setTimeout(() => console.log('fired', als.getStore()), 80));
          als.run('fast', () => setTimeout(() => console.log('fired', als.getStore()), 5));
          await scheduler.wait(120);
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot
