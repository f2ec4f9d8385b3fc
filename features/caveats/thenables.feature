Feature: Caveat: thenables
  "Thenables (non-Promise objects that expose a then() method) are not fully supported when using
  AsyncLocalStorage. When working with thenables, instead use AsyncLocalStorage.snapshot() to capture a
  snapshot of the current context."
  What is not supported: a thenable's own then(callback) stores a plain callback, so the callback runs
  in whatever context settles the thenable. When the promise machinery adopts a thenable (await,
  Promise.resolve, a then handler or an async function returning it), workerd calls its then() in the
  adopting context and the continuation keeps that context (OBS-THENABLE-ADOPT-1).

  @CAV-THENABLE-1 @caveat
  Scenario: a thenable's callback runs in the settling context, unlike a promise reaction
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      function deferredThenable() {
        const callbacks = [];
        return { then(onFulfilled) { callbacks.push(onFulfilled); }, settle(v) { callbacks.forEach((cb) => cb(v)); } };
      }
      export default {
        async test() {
          const thenable = deferredThenable();
          let resolve;
          const promise = new Promise((r) => { resolve = r; });
          als.run('registered', () => {
            thenable.then(() => console.log('thenable callback', als.getStore()));
            promise.then(() => console.log('promise reaction', als.getStore()));
          });
          als.run('settled', () => {
            thenable.settle();
            resolve();
          });
          await promise;
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @CAV-THENABLE-2 @documented
  Scenario: snapshot captures the context for a thenable's callback
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      function deferredThenable() {
        const callbacks = [];
        return {
          then(onFulfilled) {
            const snapshot = AsyncLocalStorage.snapshot();
            callbacks.push((v) => snapshot(onFulfilled, v));
          },
          settle(v) { callbacks.forEach((cb) => cb(v)); },
        };
      }
      export default {
        async test() {
          const thenable = deferredThenable();
          als.run('registered', () => thenable.then((v) => console.log('thenable callback', v, als.getStore())));
          als.run('settled', () => thenable.settle('value'));
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @OBS-THENABLE-ADOPT-1 @workerd-observed
  Scenario: an awaited thenable sees the awaiting context and the continuation keeps it
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      const thenable = { then(resolve) { console.log('then called in', als.getStore()); setTimeout(() => resolve('v'), 1); } };
      export default {
        async test() {
          await als.run('awaiting', async () => {
            const v = await thenable;
            console.log('after await', v, als.getStore());
          });
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @OBS-THENABLE-ADOPT-1 @workerd-observed
  Scenario: a thenable adopted by Promise.resolve sees the caller's context
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      const thenable = { then(resolve) { console.log('then called in', als.getStore()); resolve('v'); } };
      export default {
        async test() {
          await als.run('resolving', () => Promise.resolve(thenable).then((v) => console.log('reaction', v, als.getStore())));
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @OBS-THENABLE-ADOPT-1 @workerd-observed
  Scenario: a thenable returned from a then handler sees the handler's context
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      const thenable = { then(resolve) { console.log('then called in', als.getStore()); resolve('v'); } };
      export default {
        async test() {
          const start = Promise.resolve();
          await als.run('handler', () => start.then(() => thenable)).then((v) => console.log('next reaction', v, als.getStore()));
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @OBS-THENABLE-ADOPT-1 @workerd-observed
  Scenario: a thenable returned from an async function sees the function's context
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      const thenable = { then(resolve) { console.log('then called in', als.getStore()); resolve('v'); } };
      export default {
        async test() {
          const v = await als.run('async function', async () => thenable);
          console.log('result', v, als.getStore());
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @OBS-THENABLE-ADOPT-1 @workerd-observed
  Scenario: a thenable that resolves from another context still resumes the awaiting context
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      let settle;
      const thenable = { then(resolve) { settle = resolve; } };
      export default {
        async test() {
          const done = als.run('awaiting', async () => {
            await thenable;
            console.log('resumed in', als.getStore());
          });
          await null;
          als.run('settling', () => settle());
          await done;
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot
