// The Web-platform globals a module worker needs, installed on globalThis, and the private hooks the host calls
// (WorkerRuntime.Globals.cs builds the native binding H). The globals are built by the files loaded before this one,
// in WebGlobals.Parts order, each adding what it provides to the shared `web` object:
//   console.js, events.js, abort.js, global-scope.js, error-event.js, fetch-api.js, url.js, timers.js, immediate.js, process.js,
//   message-channel.js, streams-queue.js, streams-bytes.js, streams-readable.js, streams-writable.js, streams-transform.js, streams-pipe.js,
//   streams-tee.js.
(function (H, web) {
  'use strict';
  const g = globalThis;
  const { console, Event, EventTarget, AbortController, AbortSignal, DOMException, PromiseRejectionEvent, ErrorEvent, addEventListener, removeEventListener, dispatchEvent, Headers, Request, Response, URL, URLSearchParams, setTimeout, setInterval, clearTimeout, clearInterval, queueMicrotask, scheduler, setImmediate, clearImmediate, process, MessageChannel, MessagePort, MessageEvent, reportException, reportError,
    ReadableStream, ReadableStreamDefaultReader, ReadableStreamBYOBReader, ReadableStreamDefaultController, WritableStream, WritableStreamDefaultWriter,
    WritableStreamDefaultController, TransformStream, TransformStreamDefaultController, CountQueuingStrategy, ByteLengthQueuingStrategy, dispatch, globalListeners, listenerCount, inspect } = web;

  const define = (name, value) => Object.defineProperty(g, name, { value, writable: true, configurable: true, enumerable: false });
  for (const [k, v] of Object.entries({ console, Event, EventTarget, AbortController, AbortSignal, DOMException, PromiseRejectionEvent, ErrorEvent,
    addEventListener, removeEventListener, dispatchEvent,
    Headers, Request, Response, URL, URLSearchParams, setTimeout, setInterval, clearTimeout, clearInterval, queueMicrotask, scheduler,
    setImmediate, clearImmediate, process, MessageChannel, MessagePort, MessageEvent, reportError,
    ReadableStream, ReadableStreamDefaultReader, ReadableStreamBYOBReader, ReadableStreamDefaultController, WritableStream, WritableStreamDefaultWriter,
    WritableStreamDefaultController, TransformStream, TransformStreamDefaultController, CountQueuingStrategy, ByteLengthQueuingStrategy })) define(k, v);
  define('self', g);

  // Private hooks for the host.
  return {
    dispatchPromiseEvent(type, promise, reason) { return dispatch(globalListeners, g, new PromiseRejectionEvent(type, { promise, reason }), true); },
    listenerCount,
    reportException,
    isResponse: (v) => v instanceof Response,
    newRequest: (input, init) => new Request(input, init ?? {}),
    describeError: (e) => (e instanceof Error ? `${e.name}: ${e.message}` : inspect(e, false, 0, [])),
    deferred() { let resolve, reject; const promise = new Promise((a, b) => { resolve = a; reject = b; }); return { promise, resolve, reject }; },
    whenSettled(value, callback) { Promise.resolve(value).then((v) => callback(true, v), (e) => callback(false, e)); },
  };
})
