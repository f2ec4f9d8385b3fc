Feature: Async context in HTMLRewriter's handlers
  HTMLRewriter calls its element and text handlers while the transformed body is read. The handlers are registered
  in one frame, transform() is called in another and the body read in a third, so the trace shows which frame a
  handler, synchronous or async, runs in. The reference leaves HTMLRewriter out (it has no HTML parser): these rows
  are NOT-APPLICABLE there.

  @OBS-BOUNDARY-HTMLREWRITER-1 @workerd-observed @needs:html-rewriter
  Scenario: HTMLRewriter's handlers, sync and async, run in the frame where transform was called
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          const rewriter = als.run('where the handlers were registered', () => new HTMLRewriter()
            .on('p', {
              element(element) { console.log('element handler sees', als.getStore()); },
              text(text) { if (text.text) console.log('text handler sees', als.getStore(), 'for', text.text); },
            })
            .on('b', {
              async element(element) {
                console.log('async handler starts in', als.getStore());
                await als.run('inside the async handler', () => scheduler.wait(1));
                console.log('async handler resumes in', als.getStore());
              },
            }));
          const response = als.run('where transform was called', () => rewriter.transform(new Response('<p>hi</p><b>x</b>')));
          const body = await als.run('where the body is read', () => response.text());
          console.log('body', body, 'and the test sees', als.getStore());
        }
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot
