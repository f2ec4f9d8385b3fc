Feature: Snapshots and bound functions belong to their request
  The page does not say whether a function made by snapshot() or bind() in one request may be called
  in another. workerd's compatibility flag bind_asynclocalstorage_snapshot_to_request (default from
  compatibility date 2025-06-16) makes such a call throw Error (OBS-REQUEST-BOUND-1). Calling it in the
  request that made it works. Before 2025-06-16 the cross-request call works.

  @OBS-REQUEST-BOUND-1 @workerd-observed @needs-flag:bind_asynclocalstorage_snapshot_to_request
  Scenario: from 2025-06-16 a snapshot and a bound function made in one request throw when called in the next
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      let saved;
      export default {
        async fetch(req) {
          return als.run(new URL(req.url).pathname, () => {
            if (!saved) {
              saved = { snapshot: AsyncLocalStorage.snapshot(), bound: AsyncLocalStorage.bind(() => als.getStore()) };
              return new Response(`same request: ${saved.snapshot(() => als.getStore())} ${saved.bound()}`);
            }
            const results = [];
            try { results.push(saved.snapshot(() => als.getStore())); } catch (e) { results.push(e.constructor.name); }
            try { results.push(saved.bound()); } catch (e) { results.push(e.constructor.name); }
            return new Response(`next request: ${results.join(' ')}`);
          });
        },
      };
      """
    When 2 requests are sent one after another
    Then the trace matches the verified snapshot

  @OBS-REQUEST-BOUND-1 @workerd-observed
  Scenario: a snapshot taken at the top level of the module can be called in any request
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      const snapshot = als.run('module', () => AsyncLocalStorage.snapshot());
      export default {
        async fetch(req) {
          return als.run('request', () => new Response(snapshot(() => als.getStore())));
        },
      };
      """
    When 2 requests are sent one after another
    Then the trace matches the verified snapshot

  @OBS-REQUEST-BOUND-1 @workerd-observed
  Scenario: before 2025-06-16 a snapshot and a bound function work in any request
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      let saved;
      export default {
        async fetch(req) {
          return als.run(new URL(req.url).pathname, () => {
            if (!saved) {
              saved = { snapshot: AsyncLocalStorage.snapshot(), bound: AsyncLocalStorage.bind(() => als.getStore()) };
              return new Response(`same request: ${saved.snapshot(() => als.getStore())} ${saved.bound()}`);
            }
            const results = [];
            try { results.push(saved.snapshot(() => als.getStore())); } catch (e) { results.push(e.constructor.name); }
            try { results.push(saved.bound()); } catch (e) { results.push(e.constructor.name); }
            return new Response(`next request: ${results.join(' ')}`);
          });
        },
      };
      """
    And the compatibility date "2025-06-15"
    When 2 requests are sent one after another
    Then the trace matches the verified snapshot

  @OBS-REQUEST-BOUND-1 @workerd-observed
  Scenario: on 2025-06-16 itself a snapshot and a bound function made in one request throw when called in the next
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      let saved;
      export default {
        async fetch(req) {
          return als.run(new URL(req.url).pathname, () => {
            if (!saved) {
              saved = { snapshot: AsyncLocalStorage.snapshot(), bound: AsyncLocalStorage.bind(() => als.getStore()) };
              return new Response(`same request: ${saved.snapshot(() => als.getStore())} ${saved.bound()}`);
            }
            const results = [];
            try { results.push(saved.snapshot(() => als.getStore())); } catch (e) { results.push(e.constructor.name); }
            try { results.push(saved.bound()); } catch (e) { results.push(e.constructor.name); }
            return new Response(`next request: ${results.join(' ')}`);
          });
        },
      };
      """
    And the compatibility date "2025-06-16"
    When 2 requests are sent one after another
    Then the trace matches the verified snapshot
