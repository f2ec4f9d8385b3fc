// node:async_hooks as Workers exposes it. Evaluated once per engine as a factory; N is the private native
// binding (NodeAsyncHooksBinding.cs) over the C# core. Requirement ids as in spec/; the shape (descriptors, lengths,
// names, brand checks, options, stubs) is spec/surface/async_hooks.json (SURF-* ids).
(function (N) {
  'use strict';

  const names = new WeakMap(); // AsyncLocalStorage instances → name (SURF-OPTIONS-1); also their brand (SURF-BRAND-1)
  const resources = new WeakSet(); // AsyncResource instances (SURF-BRAND-1)
  const illegal = () => new TypeError('Illegal invocation');
  const anonymous = (f) => [f][0]; // a function expression with no name of its own: name ''

  /** SURF-ALS-1: methods are enumerable, writable, configurable own properties with length 0 (as workerd). */
  function defineMethods(target, methods) {
    for (const [key, value] of Object.entries(methods)) {
      if (typeof value === 'function' && value.length !== 0) Object.defineProperty(value, 'length', { value: 0 });
      Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
    }
  }
  const tag = (target, value) => Object.defineProperty(target, Symbol.toStringTag, { value, writable: true, configurable: true });
  // A constructor of length 0 whose prototype is an ordinary object with `constructor` (SURF-ALS-1, SURF-AR-1): Jint does
  // not list the `constructor` of a function's own prototype object among its keys, so the prototype is replaced.
  function shape(C) {
    Object.defineProperty(C, 'length', { value: 0 });
    const prototype = {};
    Object.defineProperty(prototype, 'constructor', { value: C, writable: true, configurable: true });
    C.prototype = prototype;
  }

  /** workerd's bound and snapshot functions are plain functions: name '', length 0, constructible (SURF-BOUND-NEW-1). */
  function plain(inner) {
    return anonymous(function () { return inner.apply(undefined, arguments); });
  }

  /**
   * ALS-CTOR-1: a new, independent instance (ALS-MULTI-1); OBS-CALL-WITHOUT-NEW-1. Options (SURF-OPTIONS-1): null and
   * undefined mean none, another non-object is a TypeError; `defaultValue` (read first) is the store where this storage
   * has none, `name` reads back as a string ('' when absent).
   */
  function AsyncLocalStorage(options) {
    if (!new.target) throw new TypeError("Failed to construct 'AsyncLocalStorage': Please use the 'new' operator.");
    if (options !== undefined && options !== null && typeof options !== 'object') throw new TypeError('The options must be an object');
    const defaultValue = options == null ? undefined : options.defaultValue;
    const name = options == null ? undefined : options.name;
    N.newStorage(this, defaultValue);
    names.set(this, name === undefined ? '' : String(name));
  }

  shape(AsyncLocalStorage);
  defineMethods(AsyncLocalStorage.prototype, {
    /** ALS-GETSTORE-1, ALS-GETSTORE-2: the binding's host function itself (hot path). */
    getStore: N.getStore,
    /** ALS-RUN-1..5; OBS-TYPEERROR-1 for a non-function callback: the binding's host function itself. */
    run: N.run,
    /** ALS-EXIT-1, ALS-EXIT-2. */
    exit(callback, ...args) { return N.exit(this, callback, args); },
    /** CAV-ENTERWITH-1, OBS-ENTERWITH-THROWS-1; a wrong receiver is a TypeError first (SURF-BRAND-1). */
    enterWith(store) {
      if (!names.has(this)) throw illegal();
      throw new Error('asyncLocalStorage.enterWith() is not implemented');
    },
    disable() {
      if (!names.has(this)) throw illegal();
      throw new Error('asyncLocalStorage.disable() is not implemented');
    },
  });
  Object.defineProperty(AsyncLocalStorage.prototype, 'name', {
    get: anonymous(function () { if (!names.has(this)) throw illegal(); return names.get(this); }),
    enumerable: true,
    configurable: true,
  });
  tag(AsyncLocalStorage.prototype, 'AsyncLocalStorage');
  defineMethods(AsyncLocalStorage, {
    /** ALS-BIND-1; OBS-THIS-1; OBS-REQUEST-BOUND-1. */
    bind(fn) { return plain(N.bind(fn)); },
    /** ALS-SNAPSHOT-1; OBS-THIS-1; OBS-REQUEST-BOUND-1. */
    snapshot() { return plain(N.snapshot()); },
  });

  /**
   * AR-CTOR-1: the type is only converted to a string (OBS-TYPE-IGNORED-1); CAV-TRIGGER-1 / OBS-TRIGGER-THROWS-1: a
   * trigger id is refused; null options mean none (SURF-OPTIONS-1).
   */
  function AsyncResource(type, options) {
    if (!new.target) throw new TypeError("Failed to construct 'AsyncResource': Please use the 'new' operator.");
    if (type !== undefined) String(type);
    N.newResource(this, options);
    resources.add(this);
  }
  shape(AsyncResource);

  defineMethods(AsyncResource.prototype, {
    /** AR-BIND-1. */
    bind(fn, thisArg) {
      const inner = N.resourceBind(this, fn, thisArg);
      const bound = plain(inner);
      bound.asyncResource = this;
      return bound;
    },
    /** AR-RUNINSCOPE-1. */
    runInAsyncScope(fn, thisArg, ...args) { return N.resourceRun(this, fn, thisArg, args); },
    /** CAV-ASYNCHOOKS-1: no async ids in Workers (OBS-ASYNCID-1); SURF-STUBS-1: emitDestroy returns undefined. */
    asyncId() { if (!resources.has(this)) throw illegal(); return 0; },
    triggerAsyncId() { if (!resources.has(this)) throw illegal(); return 0; },
    emitDestroy() { if (!resources.has(this)) throw illegal(); },
  });
  tag(AsyncResource.prototype, 'AsyncResource');
  defineMethods(AsyncResource, {
    /** AR-STATIC-BIND-1. */
    bind(fn, type, thisArg) { return new AsyncResource(type).bind(fn, thisArg); },
  });

  // CAV-ASYNCHOOKS-1: the rest of async_hooks exists only as inert stubs, as in workerd (SURF-STUBS-1).
  class AsyncHook {
    enable() { return this; }
    disable() { return this; }
  }
  function createHook() { return new AsyncHook(); }
  function executionAsyncId() { return 0; }
  function triggerAsyncId() { return 0; }
  function executionAsyncResource() { return Object.create(null); }
  const asyncWrapProviders = {};
  for (const provider of ('NONE DIRHANDLE DNSCHANNEL ELDHISTOGRAM FILEHANDLE FILEHANDLECLOSEREQ BLOBREADER FSEVENTWRAP FSREQCALLBACK '
    + 'FSREQPROMISE GETADDRINFOREQWRAP GETNAMEINFOREQWRAP HEAPSNAPSHOT HTTP2SESSION HTTP2STREAM HTTP2PING HTTP2SETTINGS '
    + 'HTTPINCOMINGMESSAGE HTTPCLIENTREQUEST LOCKS JSSTREAM JSUDPWRAP MESSAGEPORT PIPECONNECTWRAP PIPESERVERWRAP PIPEWRAP '
    + 'PROCESSWRAP PROMISE QUERYWRAP QUIC_ENDPOINT QUIC_LOGSTREAM QUIC_SESSION QUIC_STREAM QUIC_UDP SHUTDOWNWRAP SIGNALWRAP '
    + 'STATWATCHER STREAMPIPE TCPCONNECTWRAP TCPSERVERWRAP TCPWRAP TTYWRAP UDPSENDWRAP UDPWRAP SIGINTWATCHDOG WORKER '
    + 'WORKERCPUPROFILE WORKERCPUUSAGE WORKERHEAPPROFILE WORKERHEAPSNAPSHOT WORKERHEAPSTATISTICS WRITEWRAP ZLIB '
    + 'CHECKPRIMEREQUEST PBKDF2REQUEST KEYPAIRGENREQUEST KEYGENREQUEST KEYEXPORTREQUEST ARGON2REQUEST CIPHERREQUEST '
    + 'DERIVEBITSREQUEST HASHREQUEST RANDOMBYTESREQUEST RANDOMPRIMEREQUEST SCRYPTREQUEST SIGNREQUEST TLSWRAP VERIFYREQUEST '
    + 'QUIC_PACKET').split(' ')) {
    asyncWrapProviders[provider] = 0;
  }

  const exports = { AsyncLocalStorage, AsyncResource, createHook, executionAsyncId, triggerAsyncId, executionAsyncResource, asyncWrapProviders };
  return exports;
})
