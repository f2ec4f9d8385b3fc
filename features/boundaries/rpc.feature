Feature: Async context across RPC to a WorkerEntrypoint
  An RPC call through a service binding to a named WorkerEntrypoint, a callback passed as an argument (it reaches
  the callee as a stub) and an RpcTarget returned to the caller. Every frame that could be the callee's holds a
  distinct store: the caller's, the callee's, where the callback or stub was made, where it is invoked.

  @OBS-BOUNDARY-RPC-1 @workerd-observed
  Scenario: an entrypoint's method does not see the caller's store, and the caller keeps it after awaiting
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      import { WorkerEntrypoint } from 'cloudflare:workers';
      const als = new AsyncLocalStorage();
      export class Greeter extends WorkerEntrypoint {
        async greet(name) {
          console.log('entrypoint sees', als.getStore());
          return als.run('callee', async () => {
            await scheduler.wait(1);
            return `hello ${name} from ${als.getStore()}`;
          });
        }
      }
      export default {
        async test(controller, env) {
          await als.run('caller', async () => {
            console.log('greet returned', await env.GREETER.greet('caller'));
            console.log('caller after the call sees', als.getStore());
          });
        }
      };
      """
    And the WorkerEntrypoint class "Greeter" reached through the service binding "GREETER"
    When the test handler runs
    Then the trace matches the verified snapshot

  @OBS-BOUNDARY-RPC-CALLBACK-1 @workerd-observed
  Scenario: a callback passed over RPC runs in none of the frames when the callee calls it
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      import { WorkerEntrypoint } from 'cloudflare:workers';
      const als = new AsyncLocalStorage();
      export class Greeter extends WorkerEntrypoint {
        async call(callback) {
          return als.run('callee invoking', async () => {
            const answer = await callback('argument');
            console.log('callee after the callback sees', als.getStore(), 'and got', answer);
            return answer;
          });
        }
      }
      export default {
        async test(controller, env) {
          const callback = als.run('where the callback was made', () => (argument) => {
            console.log('callback runs with', argument, 'and sees', als.getStore());
            return als.getStore() ?? 'no store';
          });
          await als.run('caller', async () => {
            console.log('call returned', await env.GREETER.call(callback));
            console.log('caller after the call sees', als.getStore());
          });
        }
      };
      """
    And the WorkerEntrypoint class "Greeter" reached through the service binding "GREETER"
    When the test handler runs
    Then the trace matches the verified snapshot

  @OBS-BOUNDARY-RPC-CALLBACK-1 @workerd-observed
  Scenario: a callback passed to a Durable Object method runs in none of the frames when the object calls it
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      import { DurableObject } from 'cloudflare:workers';
      const als = new AsyncLocalStorage();
      export class Counter extends DurableObject {
        async call(callback) {
          return als.run('object invoking', async () => {
            const answer = await callback();
            console.log('object after the callback sees', als.getStore());
            return answer;
          });
        }
      }
      export default {
        async test(controller, env) {
          const stub = env.COUNTER.get(env.COUNTER.idFromName('one'));
          const callback = als.run('where the callback was made', () => () => {
            console.log('callback sees', als.getStore());
            return als.getStore() ?? 'no store';
          });
          await als.run('caller', async () => {
            console.log('call returned', await stub.call(callback));
            console.log('caller after the call sees', als.getStore());
          });
        }
      };
      """
    And the Durable Object class "Counter" bound as "COUNTER"
    When the test handler runs
    Then the trace matches the verified snapshot

  @OBS-BOUNDARY-RPC-STUB-1 @workerd-observed
  Scenario: an RpcTarget returned over RPC runs its methods in none of the frames when the caller calls them
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      import { RpcTarget, WorkerEntrypoint } from 'cloudflare:workers';
      const als = new AsyncLocalStorage();
      class Session extends RpcTarget {
        where() {
          console.log('session method sees', als.getStore());
          return als.getStore() ?? 'no store';
        }
      }
      export class Greeter extends WorkerEntrypoint {
        open() {
          return als.run('where the stub was made', () => new Session());
        }
      }
      export default {
        async test(controller, env) {
          const session = await als.run('caller opening', () => env.GREETER.open());
          await als.run('caller invoking', async () => {
            console.log('where returned', await session.where());
            console.log('caller after the call sees', als.getStore());
          });
        }
      };
      """
    And the WorkerEntrypoint class "Greeter" reached through the service binding "GREETER"
    When the test handler runs
    Then the trace matches the verified snapshot

  @OBS-BOUNDARY-RPC-CAPTURE-1 @workerd-observed
  Scenario: a snapshot taken in one call to an entrypoint throws when run in the next call
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      import { WorkerEntrypoint } from 'cloudflare:workers';
      const als = new AsyncLocalStorage();
      let kept;
      export class Keeper extends WorkerEntrypoint {
        keep() {
          kept = als.run('first call', () => AsyncLocalStorage.snapshot());
          return kept(() => als.getStore());
        }
        replay() {
          return als.run('second call', () => {
            try {
              return kept(() => als.getStore());
            } catch (error) {
              return `threw ${error.constructor.name}`;
            }
          });
        }
      }
      export default {
        async test(controller, env) {
          await als.run('caller', async () => {
            console.log('in the first call the snapshot gives', await env.KEEPER.keep());
            console.log('in the second call the snapshot gives', await env.KEEPER.replay());
          });
        }
      };
      """
    And the WorkerEntrypoint class "Keeper" reached through the service binding "KEEPER"
    When the test handler runs
    Then the trace matches the verified snapshot
