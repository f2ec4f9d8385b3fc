Feature: What AsyncResource is for
  "The AsyncResource class is a component of Node.js' async context tracking API that allows users to
  create their own async contexts. Objects that extend from AsyncResource are capable of propagating
  the async context in much the same way as promises. Note that AsyncLocalStorage.snapshot() and
  AsyncLocalStorage.bind() provide a better approach. AsyncResource is provided solely for backwards
  compatibility with Node.js."

  @AR-INTRO-1 @documented
  Scenario: a resource is a context of its own that callers can enter later
    Given the worker program:
      """js
      import { AsyncResource, AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          const first = als.run('first', () => new AsyncResource('Job'));
          const second = als.run('second', () => new AsyncResource('Job'));
          console.log(second.runInAsyncScope(() => als.getStore()), first.runInAsyncScope(() => als.getStore()));
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @AR-PURPOSE-1 @documented
  Scenario: a subclass carries its creation context to a later callback, like a promise reaction
    Given the worker program:
      """js
      import { AsyncResource, AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      class Task extends AsyncResource {
        constructor(callback) {
          super('Task');
          this.callback = callback;
        }
        finish(value) {
          return this.runInAsyncScope(this.callback, null, value);
        }
      }
      export default {
        async test() {
          let resolve;
          const promise = new Promise((r) => { resolve = r; });
          const task = als.run('creator', () => {
            promise.then((v) => console.log('promise reaction', v, als.getStore()));
            return new Task((v) => console.log('task callback', v, als.getStore()));
          });
          als.run('finisher', () => {
            resolve(1);
            task.finish(2);
          });
          await promise;
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @AR-PREFER-1 @documented
  Scenario: snapshot does what a resource does
    Given the worker program:
      """js
      import { AsyncResource, AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          const resource = als.run('captured', () => new AsyncResource('R'));
          const snapshot = als.run('captured', () => AsyncLocalStorage.snapshot());
          const bound = als.run('captured', () => AsyncLocalStorage.bind(() => als.getStore()));
          als.run('caller', () => {
            console.log(resource.runInAsyncScope(() => als.getStore()), snapshot(() => als.getStore()), bound());
          });
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @AR-COMPAT-1 @documented
  Scenario: Node.js style code that subclasses AsyncResource with a type runs unchanged
    Given the worker program:
      """js
      import { AsyncResource, AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      class DBQuery extends AsyncResource {
        constructor(db) {
          super('DBQuery');
          this.db = db;
        }
        getInfo(query, callback) {
          setTimeout(() => this.runInAsyncScope(callback, null, `result of ${query}`), 1);
        }
      }
      export default {
        async test() {
          const query = als.run('request 7', () => new DBQuery('db'));
          await new Promise((done) => als.run('elsewhere', () => query.getInfo('SELECT 1', (result) => {
            console.log(result, als.getStore());
            done();
          })));
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @EX-ASYNCRESOURCE-CLASS-1 @AR-PURPOSE-1 @documented
  Scenario: the AsyncResource class example prints 123 once doSomething returns the value
    Given the worker program:
      """js
      import { AsyncResource, AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      class MyResource extends AsyncResource {
        constructor() {
          // The type string is required by Node.js but unused in Workers.
          super('MyResource');
        }
        doSomething() {
          return this.runInAsyncScope(() => {
            return als.getStore();
          });
        }
      };
      const myResource = als.run(123, () => new MyResource());
      console.log(myResource.doSomething()); // prints 123
      """
    When the test handler runs
    Then the trace matches the verified snapshot
