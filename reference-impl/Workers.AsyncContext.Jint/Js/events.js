// Event, EventTarget, PromiseRejectionEvent, ErrorEvent, DOMException and the listener registry shared by every
// event target (OBS-LISTENER-NOCAPTURE-1: a listener captures no async context; it runs in the dispatcher's frame).
// A listener's throw goes to web.reportException (error-event.js: reported, then the global `error` event).
(function (H, web) {
  'use strict';

  // ---- Events, as workerd's (observed there, see tests/unit/ReferenceImpl.Tests/HostEventTargetTests.cs).
  // OBS-LISTENER-NOCAPTURE-1: a listener captures no async context; it runs in whatever frame the code that
  // dispatches (dispatchEvent, controller.abort(), the host's rejection report) is running in.
  const illegal = () => new TypeError('Illegal invocation: function called with incorrect `this` reference. See https://developers.cloudflare.com/workers/observability/errors/#illegal-invocation-errors for details.');
  const internal = Symbol('internal');

  /** Minimal DOMException (AbortSignal's default reasons): an Error with a name and the legacy code. */
  const domCodes = { IndexSizeError: 1, HierarchyRequestError: 3, WrongDocumentError: 4, InvalidCharacterError: 5, NoModificationAllowedError: 7,
    NotFoundError: 8, NotSupportedError: 9, InvalidStateError: 11, SyntaxError: 12, InvalidModificationError: 13, NamespaceError: 14,
    InvalidAccessError: 15, TypeMismatchError: 17, SecurityError: 18, NetworkError: 19, AbortError: 20, URLMismatchError: 21,
    QuotaExceededError: 22, TimeoutError: 23, InvalidNodeTypeError: 24, DataCloneError: 25 };
  class DOMException extends Error {
    constructor(message = '', name = 'Error') {
      super(String(message));
      // An own property, not a prototype getter: Jint's Error.prototype.toString reads name from another receiver.
      Object.defineProperty(this, 'name', { value: String(name), configurable: true });
    }
    get code() { return domCodes[this.name] ?? 0; }
  }
  Object.defineProperty(DOMException.prototype, Symbol.toStringTag, { value: 'DOMException', configurable: true });
  DOMException.ABORT_ERR = 20; DOMException.TIMEOUT_ERR = 23;

  // Event state lives here so that dispatch (not user code) can set target, phase and flags.
  const events = new WeakMap();
  const eventState = (e) => { const s = events.get(e); if (!s) throw illegal(); return s; };
  class Event {
    constructor(type, init) {
      if (type === undefined) throw new TypeError("Failed to construct 'Event': constructor parameter 1 is not of type 'string'.");
      const o = init ?? {};
      events.set(this, { type: String(type), bubbles: !!o.bubbles, cancelable: !!o.cancelable, composed: !!o.composed,
        trusted: false, prevented: false, stopped: false, stoppedImmediately: false, target: undefined, currentTarget: undefined, phase: 0 });
    }
    get type() { return eventState(this).type; }
    get target() { return eventState(this).target; }
    get srcElement() { return eventState(this).target; }
    get currentTarget() { return eventState(this).currentTarget; }
    get eventPhase() { return eventState(this).phase; }
    get bubbles() { return eventState(this).bubbles; }
    get cancelable() { return eventState(this).cancelable; }
    get composed() { return eventState(this).composed; }
    get isTrusted() { return eventState(this).trusted; }
    get timeStamp() { eventState(this); return 0; }
    // workerd: preventDefault always sets the flag; defaultPrevented also needs cancelable; dispatchEvent
    // returns !flag (so a non-cancelable event whose listener called preventDefault dispatches to false).
    get defaultPrevented() { const s = eventState(this); return s.cancelable && s.prevented; }
    get returnValue() { return !this.defaultPrevented; }
    get cancelBubble() { return eventState(this).stopped; }
    set cancelBubble(v) { if (v) eventState(this).stopped = true; }
    composedPath() { const s = eventState(this); return s.phase === 0 ? [] : [s.currentTarget]; }
    preventDefault() { eventState(this).prevented = true; }
    stopPropagation() { eventState(this).stopped = true; }
    stopImmediatePropagation() { const s = eventState(this); s.stopped = true; s.stoppedImmediately = true; }
  }
  for (const [k, v] of [['NONE', 0], ['CAPTURING_PHASE', 1], ['AT_TARGET', 2], ['BUBBLING_PHASE', 3]]) {
    Object.defineProperty(Event, k, { value: v, enumerable: true });
    Object.defineProperty(Event.prototype, k, { value: v, enumerable: true });
  }
  Object.defineProperty(Event.prototype, Symbol.toStringTag, { value: 'Event', configurable: true });
  const trustedEvent = (type) => { const e = new Event(type); eventState(e).trusted = true; return e; };
  class PromiseRejectionEvent extends Event {
    #promise; #reason;
    constructor(type, init = {}) { super(type, { cancelable: true, ...init }); this.#promise = init.promise; this.#reason = init.reason; }
    get promise() { return this.#promise; }
    get reason() { return this.#reason; }
  }
  class ErrorEvent extends Event {
    #error; #message;
    constructor(type, init = {}) { super(type, init); this.#error = init.error; this.#message = init.message ?? ''; }
    get error() { return this.#error; }
    get message() { return this.#message; }
  }

  for (const C of [PromiseRejectionEvent, ErrorEvent]) Object.defineProperty(C.prototype, Symbol.toStringTag, { value: C.name, configurable: true });

  // A listener registry: type -> entries { callback, once, removed } in registration order.
  const requireType = (method, type) => {
    if (type === undefined) throw new TypeError(`Failed to execute '${method}' on 'EventTarget': parameter 1 is not of type 'string'.`);
    return String(type);
  };
  const noCapture = (method, options) => {
    const object = typeof options === 'object' && options !== null;
    if (object ? options.capture : options) throw new TypeError(`${method}(): ${object ? 'options.capture' : 'useCapture'} must be false.`);
  };
  function addListener(registry, type, callback, options) {
    type = requireType('addEventListener', type);
    noCapture('addEventListener', options);
    if (callback === null || callback === undefined) return;
    if (typeof callback !== 'function') {
      if (typeof callback !== 'object') throw new TypeError("Failed to execute 'addEventListener' on 'EventTarget': parameter 2 is not of type 'function or HandlerObject'.");
      if (typeof callback.handleEvent !== 'function') throw new TypeError("Incorrect type for the 'handleEvent' field on 'HandlerObject': the provided value is not of type 'function'.");
    }
    const opts = typeof options === 'object' && options !== null ? options : {};
    const signal = opts.signal;
    if (signal !== undefined && !signals.has(signal)) throw new TypeError("Incorrect type for the 'signal' field on 'AddEventListenerOptions': the provided value is not of type 'AbortSignal'.");
    if (signal !== undefined && signals.get(signal).aborted) return;
    const list = registry.get(type) ?? [];
    if (list.some((l) => l.callback === callback)) return;
    const entry = { callback, once: !!opts.once, removed: false };
    list.push(entry);
    registry.set(type, list);
    if (signal !== undefined) signals.get(signal).algorithms.push(() => removeEntry(registry, type, entry));
    return entry;
  }
  function removeEntry(registry, type, entry) {
    entry.removed = true;
    const list = registry.get(type);
    if (list) registry.set(type, list.filter((l) => l !== entry));
  }
  function removeListener(registry, type, callback, options) {
    type = requireType('removeEventListener', type);
    noCapture('removeEventListener', options);
    const entry = (registry.get(type) ?? []).find((l) => l.callback === callback);
    if (entry) removeEntry(registry, type, entry);
  }
  /**
   * Calls the listeners registered now, in order, in the current frame. A listener's throw is reported and dispatch
   * goes on (workerd's EventTarget); with rethrow (the host's rejection events) it ends the dispatch and propagates,
   * so the remaining listeners do not run (observed on workerd).
   */
  function dispatch(registry, target, event, rethrow = false) {
    if (!events.has(event)) throw new TypeError("Failed to execute 'dispatchEvent' on 'EventTarget': parameter 1 is not of type 'Event'.");
    const s = eventState(event);
    s.target = target; s.currentTarget = target; s.phase = 2;
    s.stopped = false; s.stoppedImmediately = false;
    try {
      for (const entry of [...(registry.get(s.type) ?? [])]) {
        if (entry.removed) continue;
        if (entry.once) removeEntry(registry, s.type, entry);
        try {
          const l = entry.callback;
          if (typeof l === 'function') l.call(target, event); else l.handleEvent(event);
        } catch (e) {
          if (rethrow) throw e;
          web.reportException(e);
        }
        if (s.stoppedImmediately) break;
      }
    } finally {
      s.phase = 0;
    }
    return !s.prevented;
  }

  const registries = new WeakMap();
  const registryOf = (t) => { const r = registries.get(t); if (!r) throw illegal(); return r; };
  class EventTarget {
    constructor() { registries.set(this, new Map()); }
    addEventListener(type, listener, options) { addListener(registryOf(this), type, listener, options); }
    removeEventListener(type, listener, options) { removeListener(registryOf(this), type, listener, options); }
    dispatchEvent(event) { return dispatch(registryOf(this), this, event); }
  }
  Object.defineProperty(EventTarget.prototype, Symbol.toStringTag, { value: 'EventTarget', configurable: true });

  // AbortSignal state, here because the listener option `signal` (addListener) reads it; abort.js fills it.
  const signals = new WeakMap();

  Object.assign(web, { illegal, internal, DOMException, Event, trustedEvent, PromiseRejectionEvent, ErrorEvent, addListener, removeEntry, removeListener, dispatch, registryOf, EventTarget, signals });
})
