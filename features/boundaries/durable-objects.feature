Feature: Async context at a Durable Object's boundaries
  A call into a Durable Object runs on the platform's side of the boundary: the object's fetch handler, its methods
  and its alarm are each a new invocation. Each row puts a distinct store in every frame that could reach the
  callee (the caller's, the callee's own, where a capture was made), so the trace shows which one workerd gives.

  @OBS-BOUNDARY-DO-1 @workerd-observed
  Scenario: a Durable Object's fetch handler does not see the caller's store, and the caller keeps it
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      import { DurableObject } from 'cloudflare:workers';
      const als = new AsyncLocalStorage();
      export class Counter extends DurableObject {
        async fetch(request) {
          console.log('object fetch sees', als.getStore());
          return als.run('object', async () => {
            await scheduler.wait(1);
            return new Response(String(als.getStore()));
          });
        }
      }
      export default {
        async test(controller, env) {
          const stub = env.COUNTER.get(env.COUNTER.idFromName('one'));
          await als.run('caller', async () => {
            const response = await stub.fetch('http://object/');
            console.log('object answered', await response.text());
            console.log('caller after the fetch sees', als.getStore());
          });
        }
      };
      """
    And the Durable Object class "Counter" bound as "COUNTER"
    When the test handler runs
    Then the trace matches the verified snapshot

  @OBS-BOUNDARY-DO-1 @workerd-observed
  Scenario: a Durable Object's RPC method does not see the caller's store, and the caller keeps it
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      import { DurableObject } from 'cloudflare:workers';
      const als = new AsyncLocalStorage();
      export class Counter extends DurableObject {
        async add(n) {
          console.log('method sees', als.getStore());
          return als.run('object', async () => {
            await scheduler.wait(1);
            return `${n + 1} in ${als.getStore()}`;
          });
        }
      }
      export default {
        async test(controller, env) {
          const stub = env.COUNTER.get(env.COUNTER.idFromName('one'));
          await als.run('caller', async () => {
            console.log('method returned', await stub.add(1));
            console.log('caller after the call sees', als.getStore());
          });
        }
      };
      """
    And the Durable Object class "Counter" bound as "COUNTER"
    When the test handler runs
    Then the trace matches the verified snapshot

  @OBS-BOUNDARY-ALARM-1 @workerd-observed
  Scenario: an alarm handler sees neither the store of the call that set the alarm nor the caller's
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      import { DurableObject } from 'cloudflare:workers';
      const als = new AsyncLocalStorage();
      export class Alarmed extends DurableObject {
        async arm() {
          await als.run('setter', () => this.ctx.storage.setAlarm(Date.now() + 5));
          console.log('alarm set');
        }
        async alarm() {
          console.log('alarm sees', als.getStore());
          await this.ctx.storage.put('rang', 'yes');
        }
        async rang() {
          return this.ctx.storage.get('rang');
        }
      }
      export default {
        async test(controller, env) {
          const stub = env.ALARMED.get(env.ALARMED.idFromName('one'));
          await als.run('caller', async () => {
            await stub.arm();
            // The alarm fires on the platform's clock: poll until it has rung (every wait is awaited, TF-9).
            for (let tries = 0; tries < 100 && !(await stub.rang()); tries++) await scheduler.wait(10);
            console.log('alarm rang:', await stub.rang(), 'and the caller sees', als.getStore());
          });
        }
      };
      """
    And the Durable Object class "Alarmed" bound as "ALARMED"
    When the test handler runs
    Then the trace matches the verified snapshot

  @OBS-BOUNDARY-DO-CAPTURE-1 @workerd-observed
  Scenario: a snapshot taken in one call to a Durable Object and run in the next
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      import { DurableObject } from 'cloudflare:workers';
      const als = new AsyncLocalStorage();
      export class Keeper extends DurableObject {
        keep() {
          this.kept = als.run('first call', () => AsyncLocalStorage.snapshot());
          return this.kept(() => als.getStore());
        }
        replay() {
          return als.run('second call', () => {
            try {
              return this.kept(() => als.getStore());
            } catch (error) {
              return `threw ${error.constructor.name}`;
            }
          });
        }
      }
      export default {
        async test(controller, env) {
          const stub = env.KEEPER.get(env.KEEPER.idFromName('one'));
          await als.run('caller', async () => {
            console.log('in the first call the snapshot gives', await stub.keep());
            console.log('in the second call the snapshot gives', await stub.replay());
          });
        }
      };
      """
    And the Durable Object class "Keeper" bound as "KEEPER"
    When the test handler runs
    Then the trace matches the verified snapshot
