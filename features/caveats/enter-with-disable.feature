Feature: Caveat: no enterWith() and no disable()
  "The AsyncLocalStorage implementation provided by Workers intentionally omits support for the
  asyncLocalStorage.enterWith() and asyncLocalStorage.disable() methods."

  @CAV-ENTERWITH-1 @caveat
  Scenario: enterWith does not set the store
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          try {
            als.enterWith('entered');
          } catch {}
          console.log(als.getStore());
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @CAV-ENTERWITH-1 @caveat
  Scenario: disable does not clear the store
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          als.run('kept', () => {
            try {
              als.disable();
            } catch {}
            console.log(als.getStore());
          });
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @OBS-ENTERWITH-THROWS-1 @workerd-observed
  Scenario: enterWith and disable exist and throw Error
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          console.log(typeof als.enterWith, typeof als.disable);
          for (const call of [() => als.enterWith(1), () => als.disable()]) {
            try {
              call();
              console.log('no error');
            } catch (e) {
              console.log(e);
            }
          }
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot
