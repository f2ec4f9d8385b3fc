Feature: Async context through a queue producer and its consumer
  A queue binding hands each send and sendBatch to the queue's broker as a request of its own and settles its promise
  when the broker has answered. Here the worker is its own broker (workerd's queue binding naming the worker's service:
  send is a POST to /message, sendBatch a POST to /batch, answered with the queue's metadata) and the broker hands the
  messages to the worker's queue handler through env.SELF.queue(), so the broker's handler and the consumer's queue
  handler are two more candidate frames beside where send was called, where then was attached and where it is awaited.

  @OBS-BOUNDARY-QUEUE-1 @workerd-observed
  Scenario: a queue's broker and consumer see none of the producer's stores, and send resumes the producer where it was awaited
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      const metadata = { metadata: { metrics: { backlogCount: 0, backlogBytes: 0, oldestMessageTimestamp: 0 } } };
      export default {
        // The broker: one POST per send (/message, the body's JSON) or sendBatch (/batch, a list of base64 bodies).
        async fetch(request, env) {
          const path = new URL(request.url).pathname;
          console.log('broker', path, 'sees', als.getStore());
          const messages = path === '/message'
            ? [JSON.parse(new TextDecoder().decode(await request.arrayBuffer()))]
            : (await request.json()).messages.map((m) => m.body); // sendBatch's bodies stay in base64
          await als.run('broker', async () => {
            const delivered = await env.SELF.queue('jobs', messages.map((body, i) => ({ id: `m${i}`, timestamp: new Date(0), body, attempts: 1 })));
            console.log('consumer outcome', delivered.outcome, 'and the broker sees', als.getStore());
          });
          return Response.json(metadata);
        },
        async queue(batch) {
          console.log('queue handler sees', als.getStore(), 'for', batch.queue, batch.messages.map((m) => JSON.stringify(m.body)).join());
          await als.run('consumer work', () => scheduler.wait(1));
        },
        async test(controller, env) {
          const sent = als.run('where send was called', () => env.Q.send({ job: 1 }));
          await als.run('where then was attached', () => sent.then(() => console.log('send settles and then sees', als.getStore())));
          await als.run('awaiting send', async () => {
            await sent;
            console.log('send resumes in', als.getStore());
          });
          await als.run('where sendBatch was called', async () => {
            await env.Q.sendBatch([{ body: 'two' }, { body: { job: 3 } }]);
            console.log('sendBatch resumes in', als.getStore());
          });
        },
      };
      """
    And the worker is its own queue broker, bound as "Q"
    When the test handler runs
    Then the trace matches the verified snapshot
