// setImmediate/clearImmediate (OBS-MATRIX-NODE-SCHEDULING-1): on workerd an immediate is a zero-delay task queued after
// the timers already due, and its callback runs in the frame current when it was scheduled, as a timer's does
// (OBS-TIMER-FRAME-1): H.addTimer captures the frame at registration.
(function (H, web) {
  'use strict';

  /** What setImmediate returns on workerd: an object tagged Immediate, disposable, converting to its id. */
  class Immediate {
    #id;
    constructor(id) { this.#id = id; }
    [Symbol.toPrimitive]() { return this.#id; }
    [Symbol.dispose]() { H.clearTimer(this.#id); }
    ref() { return this; }
    unref() { return this; }
    hasRef() { return true; }
    get [Symbol.toStringTag]() { return 'Immediate'; }
  }

  function setImmediate(fn, ...args) {
    if (typeof fn !== 'function') throw new TypeError("Failed to execute 'setImmediate' on 'ServiceWorkerGlobalScope': parameter 1 is not of type 'function'.");
    return new Immediate(H.addTimer(fn, 0, args, false));
  }
  function clearImmediate(immediate) { H.clearTimer(immediate instanceof Immediate ? Number(immediate) : Number(immediate) || 0); }

  Object.assign(web, { setImmediate, clearImmediate });
})
