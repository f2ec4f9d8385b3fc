Feature: Erratum ERR-4: the snapshot class example as written
  The page's second bind/snapshot example says `console.log(myResource.doSomething())` prints 123, but
  doSomething() does not return the value its snapshot call produced, so it prints undefined. See
  spec/errata.md, ERR-4; the corrected example is in features/snapshot/bind-and-snapshot-example.feature.

  @EX-SNAPSHOT-CLASS-1 @erratum
  Scenario: the snapshot class example as written prints undefined
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      class MyResource {
        #runInAsyncScope = AsyncLocalStorage.snapshot();
        doSomething() {
          this.#runInAsyncScope(() => {
            return als.getStore();
          });
        }
      };
      const myResource = als.run(123, () => new MyResource());
      console.log(myResource.doSomething()); // prints 123
      """
    When the test handler runs
    Then the trace matches the verified snapshot
