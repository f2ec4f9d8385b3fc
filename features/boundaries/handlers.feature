Feature: Async context in scheduled and queue handlers
  A worker's scheduled and queue handlers invoked through workerd's env.SELF.scheduled() and env.SELF.queue() (the
  experimental service_binding_extra_handlers): each invocation is an event of its own. The caller invokes from its own
  frame, the handler takes a snapshot in one invocation and runs it in the next, so the trace shows the handler's own
  frame, what the caller sees after awaiting the invocation, and what a capture made in one invocation does in another.

  @OBS-BOUNDARY-HANDLERS-1 @workerd-observed
  Scenario: scheduled and queue handlers see none of the caller's stores, and a snapshot from one invocation throws in the next
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      let kept;
      function replay(handler) {
        if (!kept) {
          kept = als.run(`first ${handler} invocation`, () => AsyncLocalStorage.snapshot());
          return;
        }
        als.run(`later ${handler} invocation`, () => {
          try {
            console.log(`in a later ${handler} invocation the snapshot gives`, kept(() => als.getStore()));
          } catch (error) {
            console.log(`in a later ${handler} invocation the snapshot threw`, error.constructor.name);
          }
        });
      }
      export default {
        async scheduled(controller) {
          console.log('scheduled handler sees', als.getStore(), 'for', controller.cron);
          replay('scheduled');
          await als.run('scheduled work', () => scheduler.wait(1));
        },
        async queue(batch) {
          console.log('queue handler sees', als.getStore(), 'for', batch.queue, batch.messages.map((m) => m.body).join());
          replay('queue');
          await als.run('queue work', () => scheduler.wait(1));
        },
        async test(controller, env) {
          await als.run('caller', async () => {
            const first = await env.SELF.scheduled({ cron: '0 * * * *' });
            console.log('scheduled outcome', first.outcome, 'and the caller sees', als.getStore());
            await env.SELF.scheduled({ cron: '30 * * * *' });
            const queued = await env.SELF.queue('jobs', [{ id: 'm1', timestamp: new Date(0), body: 'job', attempts: 1 }]);
            console.log('queue outcome', queued.outcome, 'and the caller sees', als.getStore());
          });
        }
      };
      """
    And the worker's scheduled and queue handlers are reached through env.SELF
    When the test handler runs
    Then the trace matches the verified snapshot
