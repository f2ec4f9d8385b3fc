Feature: Async context in a subrequest's body reads
  A fetch to env.SELF (the program's own fetch handler, as a request of its own) returns a Response whose body the
  callee's stream produces while the caller reads it. The caller fetches in one frame, reads in another, the callee
  handles the request in a third and made the stream in a fourth, so the trace shows which frame each side runs in:
  the text of every chunk is the store the callee's pull saw.

  @OBS-BOUNDARY-SUBREQUEST-1 @workerd-observed @needs:subrequest-bodies
  Scenario: a subrequest's body read with text() and with a reader resumes where it was awaited, and the callee's pull runs where its stream was made
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        fetch(request) {
          return als.run('callee', () => {
            let pulls = 0;
            const body = als.run('where the stream was made', () => new ReadableStream({
              async pull(controller) {
                const seen = als.getStore();
                await scheduler.wait(1);
                if (pulls++ < 2) controller.enqueue(new TextEncoder().encode(`[pull saw ${seen}]`));
                else controller.close();
              },
            }));
            return new Response(body);
          });
        },
        async test(controller, env) {
          const whole = await als.run('caller fetching', () => env.SELF.fetch('http://conformance.test/'));
          console.log('after the fetch the test sees', als.getStore());
          const text = await als.run('reading the text', () => whole.text());
          console.log('text', text, 'and the test sees', als.getStore());
          await als.run('fetching and reading', async () => {
            const response = await env.SELF.fetch('http://conformance.test/');
            console.log('fetch resumes in', als.getStore());
            console.log('text', await response.text(), 'resumes in', als.getStore());
          });
          const streamed = await als.run('caller fetching', () => env.SELF.fetch('http://conformance.test/'));
          const reader = als.run('where the reader was made', () => streamed.body.getReader());
          const first = als.run('where the read was started', () => reader.read());
          await als.run('where then was attached', () => first.then(({ done, value }) => {
            console.log('first read', done, new TextDecoder().decode(value), 'then sees', als.getStore());
          }));
          await als.run('reading the rest', async () => {
            for (let result = await reader.read(); ; result = await reader.read()) {
              console.log('read', result.done, result.done ? '' : new TextDecoder().decode(result.value), 'resumes in', als.getStore());
              if (result.done) break;
            }
          });
        },
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot
