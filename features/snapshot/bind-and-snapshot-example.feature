Feature: The AsyncLocalStorage.bind() and AsyncLocalStorage.snapshot() examples
  The page's first example under "AsyncLocalStorage.bind() and AsyncLocalStorage.snapshot()", run as
  written at the top level of the module, and its second example (a class that keeps a snapshot) with
  the one correction errata ERR-4 describes.

  @EX-BIND-SNAPSHOT-1 @ALS-BIND-1 @ALS-SNAPSHOT-1 @documented
  Scenario: the bind and snapshot example prints 123, abc, abc
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      function foo() { console.log(als.getStore()); }
      function bar() { console.log(als.getStore()); }
      const oneFoo = als.run(123, () => AsyncLocalStorage.bind(foo));
      oneFoo(); // prints 123
      const snapshot = als.run('abc', () => AsyncLocalStorage.snapshot());
      snapshot(foo); // prints 'abc'
      snapshot(bar); // prints 'abc'
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @EX-SNAPSHOT-CLASS-1 @ALS-SNAPSHOT-1 @documented
  Scenario: the snapshot class example prints 123 once doSomething returns the value
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      class MyResource {
        #runInAsyncScope = AsyncLocalStorage.snapshot();
        doSomething() {
          return this.#runInAsyncScope(() => {
            return als.getStore();
          });
        }
      };
      const myResource = als.run(123, () => new MyResource());
      console.log(myResource.doSomething()); // prints 123
      """
    When the test handler runs
    Then the trace matches the verified snapshot
