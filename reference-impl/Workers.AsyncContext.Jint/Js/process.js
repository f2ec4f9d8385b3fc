// globalThis.process, the object node:process exports as default (NodeBuiltinModules.cs): only what the propagation
// matrix needs. process.nextTick(fn, ...args) is a microtask on workerd, in FIFO order with queueMicrotask and promise
// reactions, and its callback runs in the frame current when it was queued (OBS-MATRIX-NODE-SCHEDULING-1): H.queueMicrotask
// captures the frame. As on workerd, a non-function is not rejected at the call: the microtask throws a TypeError.
// The object gives no way out of the sandbox: no env, no cwd, no binding.
(function (H, web) {
  'use strict';

  function nextTick(fn, ...args) {
    H.queueMicrotask(() => {
      if (typeof fn !== 'function') throw new TypeError('cb is not a function');
      fn(...args);
    });
  }

  const process = { nextTick };
  Object.defineProperty(process, Symbol.toStringTag, { value: 'process', configurable: true });

  Object.assign(web, { process });
})
