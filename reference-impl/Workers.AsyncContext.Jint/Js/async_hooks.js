// node:async_hooks as Workers exposes it. Evaluated once per engine as a factory; N is the private native
// binding (NodeAsyncHooksBinding.cs) over the C# core. Requirement ids as in spec/.
(function (N) {
  'use strict';

  /** ALS-CTOR-1: a new, independent instance (ALS-MULTI-1). */
  class AsyncLocalStorage {
    constructor() { N.newStorage(this); }

    /** ALS-GETSTORE-1, ALS-GETSTORE-2: the binding's N.getStore, installed below (this one only fixes the key order). */
    getStore() {}

    /** ALS-RUN-1..5; OBS-TYPEERROR-1 for a non-function callback: the binding's N.run, installed below (as getStore). */
    run(store, callback, ...args) {}

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

  // The two hot methods are the binding's host functions themselves rather than JS wrappers calling them: each is
  // named and sized as the method it replaces (getStore 0, run 2), takes the storage as `this` (TypeError 'Illegal
  // invocation' for anything else) and keeps the method's attributes and place among the prototype's keys.
  Object.defineProperty(AsyncLocalStorage.prototype, 'getStore', { value: N.getStore });
  Object.defineProperty(AsyncLocalStorage.prototype, 'run', { value: N.run });

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
