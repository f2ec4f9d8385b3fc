Feature: Erratum ERR-5: the AsyncResource constructor example as written
  The page's AsyncResource example says `console.log(myResource.doSomething())` prints 123, but
  doSomething() does not return the value runInAsyncScope() produced, so it prints undefined. See
  spec/errata.md, ERR-5; the corrected example is in features/async-resource/purpose.feature.

  @EX-ASYNCRESOURCE-CLASS-1 @erratum
  Scenario: the AsyncResource class example as written prints undefined
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
          this.runInAsyncScope(() => {
            return als.getStore();
          });
        }
      };
      const myResource = als.run(123, () => new MyResource());
      console.log(myResource.doSomething()); // prints 123
      """
    When the test handler runs
    Then the trace matches the verified snapshot
