Feature: Requests sent to the worker itself and work that outlives a handler
  The test handler and every request dispatched through env.SELF.fetch run as requests of their own.
  Work handed to ctx.waitUntil keeps the context it was started in and keeps the run alive after the
  handler has returned (OBS-WAITUNTIL-1). What the caller of env.SELF.fetch sees when the fetch handler
  throws, or does not produce a Response, is pinned to workerd (OBS-SELF-FETCH-1), and so are the
  names of these functions (OBS-HOST-NAMES-1): the page says nothing of this plumbing.

  @OBS-WAITUNTIL-1 @workerd-observed
  Scenario: work handed to ctx.waitUntil keeps its store and finishes after the handler returned
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test(controller, env, ctx) {
          setInterval(() => {}, 1000);
          ctx.waitUntil(als.run('background', async () => {
            // ten times the driver's settle wait (TF-9, TF-14): only a stall of most of a second between the
            // handler's return and the driver's settle timer could bring this line before `end`
            await scheduler.wait(1000);
            console.log('background work', als.getStore());
          }));
          console.log('test returns', als.getStore());
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @OBS-SELF-FETCH-1 @workerd-observed
  Scenario: the caller of env.SELF.fetch gets the handler's response, its error, or a TypeError for a non-Response
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      addEventListener('unhandledrejection', (event) => console.log('unhandled', event.reason));
      export default {
        fetch(request, env, ctx) {
          const path = new URL(request.url).pathname;
          if (path === '/throws') throw new RangeError('synchronous');
          if (path === '/string') return Promise.resolve('not a response');
          if (path === '/pass') {
            ctx.passThroughOnException();
            return new Response('passed');
          }
          return request.text().then((body) => new Response(`${request.method} ${body} ${als.getStore()}`));
        },
        async test(controller, env) {
          const call = async (label, ...args) => {
            try {
              const response = await als.run('caller', () => env.SELF.fetch(...args));
              console.log(label, 'resolved', response instanceof Response);
              console.log(label, response.status, await response.text(), als.getStore());
            } catch (error) {
              console.log(label, 'rejected', error.constructor.name, als.getStore());
            }
          };
          await call('post', 'http://conformance.test/echo', { method: 'POST', body: 'payload' });
          await call('url only', 'http://conformance.test/echo');
          await call('pass through', 'http://conformance.test/pass');
          await call('throws', 'http://conformance.test/throws');
          await call('string', 'http://conformance.test/string');
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @OBS-HOST-NAMES-1 @workerd-observed
  Scenario: the functions on env.SELF and ctx are named after their methods
    Given the worker program:
      """js
      export default {
        async test(controller, env, ctx) {
          console.log(env.SELF.fetch, ctx.waitUntil, ctx.passThroughOnException);
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @OBS-SELF-FETCH-1 @OBS-WAITUNTIL-1 @workerd-observed
  Scenario: env.SELF.fetch and ctx.waitUntil called without an argument
    Given the worker program:
      """js
      export default {
        async fetch() {
          return new Response('answered');
        },
        async test(controller, env, ctx) {
          try {
            const response = await env.SELF.fetch();
            console.log('fetch resolved', response.status);
          } catch (error) {
            console.log('fetch rejected', error.constructor.name);
          }
          try {
            console.log('waitUntil returned', ctx.waitUntil());
          } catch (error) {
            console.log('waitUntil threw', error.constructor.name);
          }
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot
