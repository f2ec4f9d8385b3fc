Feature: Async context in what an RPC call returns
  What comes back from a WorkerEntrypoint's method: a stub used before it has arrived (a method called on the promise
  of a call, pipelining), a promise the callee made and settles later, and a function the caller then calls through its
  stub. Every frame that could be the one a callback runs in holds a distinct store: where the call was made, where the
  value was made in the callee, where the caller invokes or awaits it.

  @OBS-BOUNDARY-RPC-PIPELINE-1 @workerd-observed
  Scenario: a method called on the promise of an RPC call runs in none of the frames, and the caller keeps its store
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
          console.log('open sees', als.getStore());
          return als.run('where the stub was made', () => new Session());
        }
      }
      export default {
        async test(controller, env) {
          await als.run('caller chaining', async () => {
            console.log('chained call returned', await env.GREETER.open().where());
            console.log('caller after the chained call sees', als.getStore());
          });
          const opening = als.run('caller opening', () => env.GREETER.open());
          await als.run('caller invoking on the promised stub', async () => {
            console.log('pipelined call returned', await opening.where());
            console.log('caller after the pipelined call sees', als.getStore());
          });
        }
      };
      """
    And the WorkerEntrypoint class "Greeter" reached through the service binding "GREETER"
    When the test handler runs
    Then the trace matches the verified snapshot

  @OBS-BOUNDARY-RPC-RETURN-1 @workerd-observed
  Scenario: a promise returned over RPC settles in the callee's frame and resumes the caller where it awaited, and a returned function runs in none
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      import { WorkerEntrypoint } from 'cloudflare:workers';
      const als = new AsyncLocalStorage();
      export class Maker extends WorkerEntrypoint {
        later() {
          return als.run('where the promise was made', () => new Promise((resolve) => setTimeout(() => {
            console.log('the callee settles it in', als.getStore());
            resolve(als.getStore());
          }, 5)));
        }
        counter() {
          return als.run('where the function was made', () => () => {
            console.log('returned function sees', als.getStore());
            return als.getStore() ?? 'no store';
          });
        }
      }
      export default {
        async test(controller, env) {
          await als.run('awaiting the call', async () => {
            console.log('later gave', await env.MAKER.later(), 'and resumes in', als.getStore());
          });
          const later = als.run('where the call was made', () => env.MAKER.later());
          await als.run('where then was attached', () => later.then((value) => console.log('then sees', als.getStore(), 'with', value)));
          const returned = await als.run('where the function was fetched', () => env.MAKER.counter());
          await als.run('calling the returned function', async () => {
            console.log('the function gave', await returned());
            console.log('caller after the function sees', als.getStore());
          });
        }
      };
      """
    And the WorkerEntrypoint class "Maker" reached through the service binding "MAKER"
    When the test handler runs
    Then the trace matches the verified snapshot
