// node:async_hooks as Workers exposes it. Evaluated once per engine as a factory; N is the private native
// binding (NodeAsyncHooksBinding.cs) over the C# core. Requirement ids as in spec/.
(function (N) {
  'use strict';

  /** ALS-CTOR-1: a new, independent instance (ALS-MULTI-1). */
  class AsyncLocalStorage {
    constructor() { N.newStorage(this); }

    /** ALS-GETSTORE-1, ALS-GETSTORE-2. */
    getStore() { return N.getStore(this); }

    /** ALS-RUN-1..5; OBS-TYPEERROR-1 for a non-function callback. */
    run(store, callback, ...args) { return N.run(this, store, callback, args); }

    /** ALS-EXIT-1, ALS-EXIT-2. */
    exit(callback, ...args) { return N.exit(this, callback, args); }

    /** CAV-ENTERWITH-1, OBS-ENTERWITH-THROWS-1. */
    enterWith(store) { throw new Error('asyncLocalStorage.enterWith() is not implemented'); }

    /** CAV-ENTERWITH-1, OBS-ENTERWITH-THROWS-1. */
    disable() { throw new Error('asyncLocalStorage.disable() is not implemented'); }

    /** ALS-BIND-1; OBS-THIS-1; OBS-REQUEST-BOUND-1. */
    static bind(fn) { return N.bind(fn); }

    /** ALS-SNAPSHOT-1; OBS-THIS-1; OBS-REQUEST-BOUND-1. */
    static snapshot() { return N.snapshot(); }
  }

  /** AR-CTOR-1: type ignored; CAV-TRIGGER-1 / OBS-TRIGGER-THROWS-1: a trigger id is refused. */
  class AsyncResource {
    constructor(type, options) { N.newResource(this, options); }

    /** AR-STATIC-BIND-1. */
    static bind(fn, type, thisArg) { return new AsyncResource(type).bind(fn, thisArg); }

    /** AR-BIND-1. */
    bind(fn, thisArg) { return N.resourceBind(this, fn, thisArg); }

    /** AR-RUNINSCOPE-1. */
    runInAsyncScope(fn, thisArg, ...args) { return N.resourceRun(this, fn, thisArg, args); }

    /** CAV-ASYNCHOOKS-1: no async ids in Workers. */
    asyncId() { return 0; }
    triggerAsyncId() { return 0; }
    emitDestroy() { return this; }
  }

  // CAV-ASYNCHOOKS-1: the rest of async_hooks exists only as inert stubs, as in workerd.
  function createHook() {
    const hook = { enable() { return hook; }, disable() { return hook; } };
    return hook;
  }
  function executionAsyncId() { return 0; }
  function triggerAsyncId() { return 0; }
  function executionAsyncResource() { return {}; }
  const asyncWrapProviders = Object.freeze({ __proto__: null });

  const exports = { AsyncLocalStorage, AsyncResource, createHook, executionAsyncId, triggerAsyncId, executionAsyncResource, asyncWrapProviders };
  return exports;
})
