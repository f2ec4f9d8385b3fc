Feature: Async context through crypto.subtle's promises
  crypto.subtle's operations settle their promises from the platform's side; the frame a continuation runs in is
  the one where it was attached (await, then), not where the operation was started.

  @OBS-BOUNDARY-SUBTLE-1 @workerd-observed
  Scenario: a crypto.subtle digest's continuations run where they were attached
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          const data = new TextEncoder().encode('abc');
          const digest = als.run('where the digest started', () => crypto.subtle.digest('SHA-256', data));
          const attached = als.run('where then was attached', () => digest.then((bytes) => {
            console.log('then sees', als.getStore(), 'and', bytes.byteLength, 'bytes');
          }));
          await als.run('awaiting', async () => {
            const bytes = await digest;
            console.log('await resumes in', als.getStore(), 'with', bytes.byteLength, 'bytes');
          });
          await attached;
        }
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot

  @OBS-BOUNDARY-SUBTLE-1 @workerd-observed
  Scenario: a crypto.subtle key import and signature keep the store of the async function that awaits them
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          const sign = als.run('signer', async () => {
            const key = await crypto.subtle.importKey('raw', new TextEncoder().encode('secret'),
              { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
            console.log('after importKey', als.getStore());
            const signature = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode('data'));
            console.log('after sign', als.getStore(), signature.byteLength, 'bytes');
          });
          await als.run('outer', async () => {
            await sign;
            console.log('outer after the signer', als.getStore());
          });
        }
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot
