// node:timers/promises (NodeBuiltinModules.cs): promise forms of setTimeout and setImmediate over the globals, and
// scheduler.wait. The promise settles from a timer, and the code awaiting it resumes in the awaiting frame
// (OBS-MATRIX-NODE-SCHEDULING-1, ALS-RUN-3). Evaluated once at install, so a program replacing globalThis.setTimeout
// does not change it. setInterval is an async iterator whose interval starts at the first next(); each next() promise
// settles from a tick (or at once for a tick already counted), so its reactions run where then() registered them.
(function (g) {
  'use strict';
  const { setTimeout: timeout, setImmediate: immediate, setInterval: interval, clearInterval, scheduler: globalScheduler } = g;

  function setTimeout(delay, value) { return new Promise((resolve) => timeout(() => resolve(value), delay)); }
  function setImmediate(value) { return new Promise((resolve) => immediate(() => resolve(value))); }
  const scheduler = { wait: (delay) => globalScheduler.wait(delay), yield: () => setImmediate() };

  function setInterval(delay, value) {
    let id = null;
    let ticks = 0;
    let finished = false;
    const waiting = [];
    const tick = () => { const next = waiting.shift(); if (next) next({ value, done: false }); else ticks++; };
    return {
      next() {
        if (finished) return Promise.resolve({ value: undefined, done: true });
        if (id === null) id = interval(tick, delay);
        if (ticks > 0) { ticks--; return Promise.resolve({ value, done: false }); }
        return new Promise((resolve) => waiting.push(resolve));
      },
      return() {
        finished = true;
        if (id !== null) clearInterval(id);
        for (const resolve of waiting.splice(0)) resolve({ value: undefined, done: true });
        return Promise.resolve({ value: undefined, done: true });
      },
      [Symbol.asyncIterator]() { return this; },
    };
  }

  return { setTimeout, setImmediate, setInterval, scheduler };
})
