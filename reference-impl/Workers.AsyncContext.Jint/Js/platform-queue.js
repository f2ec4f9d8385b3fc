// A queue producer whose broker is the worker's own fetch handler (issue 20, OBS-BOUNDARY-QUEUE-1), as workerd's queue
// binding naming the worker's service: send() POSTs the JSON body to /message (header x-msg-fmt: json), sendBatch()
// POSTs /batch with each body's JSON in base64, and both resolve once the broker answers with the queue's metadata
// (an answer without it rejects with a TypeError, as on workerd). Each goes through env.SELF.fetch, so the broker runs
// as a request of its own in an empty frame and the producer's promise settles as its fetch does. The host binds the
// producer only when the scenario declares the broker.
(function (H, web) {
  'use strict';
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

  function base64(text) {
    const bytes = new TextEncoder().encode(text);
    let out = '';
    for (let i = 0; i < bytes.length; i += 3) {
      const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
      out += alphabet[(n >> 18) & 63] + alphabet[(n >> 12) & 63];
      out += i + 1 < bytes.length ? alphabet[(n >> 6) & 63] : '=';
      out += i + 2 < bytes.length ? alphabet[n & 63] : '=';
    }
    return out;
  }

  function serialised(body) {
    const text = JSON.stringify(body);
    if (text === undefined) throw new TypeError('Queue message body must be serialisable');
    return text;
  }

  async function metadataOf(answer) {
    let metrics;
    try { metrics = JSON.parse(await answer.text()).metadata.metrics; } catch { metrics = undefined; }
    if (metrics === undefined || metrics === null) throw new TypeError('Queue broker answered without the queue metadata');
    const { backlogCount, backlogBytes, oldestMessageTimestamp } = metrics;
    return { metadata: { metrics: { backlogCount, backlogBytes, oldestMessageTimestamp: oldestMessageTimestamp ? new Date(oldestMessageTimestamp) : undefined } } };
  }

  function queueProducer(selfFetch) {
    return {
      async send(body) {
        const answer = await selfFetch('https://queue.test/message', {
          method: 'POST', headers: { 'content-type': 'application/octet-stream', 'x-msg-fmt': 'json' }, body: serialised(body),
        });
        return metadataOf(answer);
      },
      async sendBatch(messages) {
        const list = [...messages].map((m) => ({ body: base64(serialised(m.body)), contentType: 'json' }));
        const answer = await selfFetch('https://queue.test/batch', {
          method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messages: list }),
        });
        const { metadata } = await metadataOf(answer);
        return { metadata: { metrics: { backlogCount: metadata.metrics.backlogCount, backlogBytes: metadata.metrics.backlogBytes } } };
      },
    };
  }

  web.platform.queueProducer = queueProducer;
})
