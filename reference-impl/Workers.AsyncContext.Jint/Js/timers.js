// setTimeout/setInterval/clearTimeout/clearInterval, queueMicrotask and scheduler.wait over the host's event loop
// (H.addTimer, H.queueMicrotask, H.wait); the host captures the async context frame at registration (OBS-TIMER-FRAME-1).
(function (H, web) {
  'use strict';

  /** What setTimeout/setInterval return on workerd: an object that converts to the timer's id. */
  class Timeout {
    #id;
    #arm;
    constructor(arm) { this.#arm = arm; this.#id = arm(); }
    /** Re-arms the timer from now; the host captures the frame current at the refresh (workerd runs the callback there). */
    refresh() { H.clearTimer(this.#id); this.#id = this.#arm(); return this; }
    [Symbol.toPrimitive]() { return this.#id; }
    ref() { return this; }
    unref() { return this; }
    hasRef() { return true; }
  }
  const timerId = (t) => (t instanceof Timeout ? Number(t) : Number(t) || 0);

  // ---- Timers and scheduler: the host captures the frame at registration (OBS-TIMER-FRAME-1).
  const requireFunction = (fn) => { if (typeof fn !== 'function') throw new TypeError(`The "callback" argument must be of type function. Received type ${typeof fn} (${String(fn)})`); };
  function setTimeout(fn, ms, ...args) { requireFunction(fn); return new Timeout(() => H.addTimer(fn, Number(ms) || 0, args, false)); }
  function setInterval(fn, ms, ...args) { requireFunction(fn); return new Timeout(() => H.addTimer(fn, Number(ms) || 0, args, true)); }
  function clearTimeout(t) { H.clearTimer(timerId(t)); }
  function clearInterval(t) { H.clearTimer(timerId(t)); }
  function queueMicrotask(fn) {
    if (typeof fn !== 'function') throw new TypeError("Failed to execute 'queueMicrotask' on 'ServiceWorkerGlobalScope': parameter 1 is not of type 'function'.");
    H.queueMicrotask(() => fn.call(globalThis)); // this = globalThis, as on workerd (OBS-MATRIX-THIS-1)
  }
  const scheduler = { wait(ms) { return H.wait(Number(ms) || 0); } };

  Object.assign(web, { setTimeout, setInterval, clearTimeout, clearInterval, queueMicrotask, scheduler });
})
