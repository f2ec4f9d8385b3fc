Feature: Async context in a WebSocketPair's events
  Both ends of a WebSocketPair in one worker: each listener is added in its own frame, each message is sent and the
  socket is closed from another, so the trace shows which frame the platform dispatches `message` and `close` in.

  @OBS-BOUNDARY-WEBSOCKET-1 @workerd-observed @needs:websocket-pair
  Scenario: message and close events on both ends of a WebSocketPair run in none of the frames
    Given the worker program:
      """js
      import { AsyncLocalStorage } from 'node:async_hooks';
      const als = new AsyncLocalStorage();
      export default {
        async test() {
          const [client, server] = Object.values(new WebSocketPair());
          client.accept();
          server.accept();
          als.run('client listener', () => {
            client.addEventListener('message', (event) => console.log('client got', event.data, 'and sees', als.getStore()));
            client.addEventListener('close', (event) => console.log('client closed', event.code, 'and sees', als.getStore()));
          });
          als.run('server listener', () => {
            server.addEventListener('message', (event) => console.log('server got', event.data, 'and sees', als.getStore()));
            server.addEventListener('close', (event) => {
              console.log('server closed', event.code, 'and sees', als.getStore());
              server.close(1000, 'bye');
            });
          });
          als.run('client sending', () => client.send('ping'));
          await scheduler.wait(5);
          als.run('server sending', () => server.send('pong'));
          await scheduler.wait(5);
          als.run('client closing', () => client.close(1000, 'done'));
          await scheduler.wait(20);
        }
      };
      """
    When the test handler runs
    Then the trace matches the verified snapshot
