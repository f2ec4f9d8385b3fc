// node:timers/promises (NodeBuiltinModules.cs): promise forms of setTimeout and setImmediate over the globals, and
// scheduler.wait. The promise settles from a timer, and the code awaiting it resumes in the awaiting frame
// (OBS-MATRIX-NODE-SCHEDULING-1, ALS-RUN-3). Evaluated once at install, so a program replacing globalThis.setTimeout
// does not change it. Not provided: setInterval's async iterator (workerd has it; nothing here needs it yet).
(function (g) {
  'use strict';
  const { setTimeout: timeout, setImmediate: immediate, scheduler: globalScheduler } = g;

  function setTimeout(delay, value) { return new Promise((resolve) => timeout(() => resolve(value), delay)); }
  function setImmediate(value) { return new Promise((resolve) => immediate(() => resolve(value))); }
  const scheduler = { wait: (delay) => globalScheduler.wait(delay), yield: () => setImmediate() };

  return { setTimeout, setImmediate, scheduler };
})
