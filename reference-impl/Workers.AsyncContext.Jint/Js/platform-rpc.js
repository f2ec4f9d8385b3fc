// The Workers platform's calls between classes of one worker (issue 20, item 4), with workerd's frames
// (spec/requirements.md OBS-BOUNDARY-*): every call that crosses the boundary (a Durable Object's fetch, method or
// alarm, an entrypoint's method, a function or RpcTarget passed over RPC and called by the other side) runs as a new
// macrotask in an empty frame; the caller's continuation runs where it awaited. A Durable Object's calls share one
// request scope (a snapshot taken in one call works in the next, OBS-BOUNDARY-DO-CAPTURE-1); every other call gets a
// fresh one. Arguments and results are copied; functions and RpcTargets cross as stubs.
(function (H, web) {
  'use strict';
  const { Request } = web;

  class RpcTarget {}
  class WorkerEntrypoint {
    constructor(ctx, env) { this.ctx = ctx; this.env = env; }
  }
  class DurableObject {
    constructor(ctx, env) { this.ctx = ctx; this.env = env; }
  }

  /**
   * Runs thunk across the boundary: a macrotask in an empty frame of `scope` ('' = a fresh request scope). The result is
   * pipelined: a method called on it before it settles is called on the stub it settles to (OBS-BOUNDARY-RPC-PIPELINE-1).
   */
  function invoke(scope, thunk) {
    return pipelined(new Promise((resolve, reject) => {
      H.dispatch(scope, () => {
        try {
          Promise.resolve(thunk()).then((value) => resolve(toWire(value)), reject);
        } catch (error) {
          reject(error);
        }
      });
    }));
  }

  /** The promise of a call, whose every other property is a method of the stub it settles to (never a plain property). */
  function pipelined(promise) {
    return new Proxy(promise, {
      get(target, name) {
        if (name === 'then' || name === 'catch' || name === 'finally') return target[name].bind(target);
        if (typeof name === 'symbol') return target[name];
        return (...args) => pipelined(target.then((stub) => stub[name](...args)));
      },
    });
  }

  /** A value as the other side receives it: functions and RpcTargets as stubs, arrays and plain objects copied. */
  function toWire(value) {
    if (typeof value === 'function') return (...args) => invoke('', () => value(...args.map(toWire)));
    if (value === null || typeof value !== 'object') return value;
    if (value instanceof RpcTarget) return methodStub((name) => (...args) => invoke('', () => value[name](...args.map(toWire))));
    if (Array.isArray(value)) return value.map(toWire);
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return value; // Request, Response, ArrayBuffer: passed as they are
    const copy = {};
    for (const key of Object.keys(value)) copy[key] = toWire(value[key]);
    return copy;
  }

  /** A stub whose every property is a remote method (never thenable, so awaiting a stub gives the stub). */
  function methodStub(method, own = {}) {
    return new Proxy(own, {
      get(target, name) {
        if (typeof name === 'symbol' || name === 'then') return undefined;
        if (Object.prototype.hasOwnProperty.call(target, name)) return target[name];
        return method(name);
      },
    });
  }

  const toRequest = (input, init) => (input instanceof Request && init === undefined ? input : new Request(input, init ?? {}));

  /** env.<BINDING> for a WorkerEntrypoint class: every call a new instance in a fresh request. */
  function entrypoint(cls, env) {
    const ctx = { waitUntil() {}, passThroughOnException() {} };
    return methodStub((name) => (...args) => invoke('', () => {
      const instance = new cls(ctx, env);
      return name === 'fetch' ? instance.fetch(toRequest(...args)) : instance[name](...args.map(toWire));
    }));
  }

  /** env.<BINDING> for a Durable Object class: one instance per name, in-memory storage, one alarm. */
  function namespace(cls, binding, env) {
    const objects = new Map();
    const objectOf = (name) => {
      if (!objects.has(name)) objects.set(name, { name, scope: `${binding}:${name}`, instance: null, alarm: null, data: new Map() });
      return objects.get(name);
    };
    const idOf = (name) => ({ name, toString: () => name, equals: (other) => other?.name === name });
    const instanceOf = (o) => (o.instance ??= new cls({ id: idOf(o.name), storage: storage(o, () => instanceOf(o)) }, env));
    let unique = 0;
    return {
      idFromName: (name) => idOf(String(name)),
      newUniqueId: () => idOf(`unique-${++unique}`),
      get(id) {
        const o = objectOf(String(id?.name ?? id));
        return methodStub((name) => (...args) => invoke(o.scope, () =>
          name === 'fetch' ? instanceOf(o).fetch(toRequest(...args)) : instanceOf(o)[name](...args.map(toWire))), { id: idOf(o.name), name: o.name });
      },
    };
  }

  /** ctx.storage of one object: key-value pairs and the alarm, which fires in the object's own (empty) frame. */
  function storage(o, instance) {
    const copy = (v) => (v === undefined ? v : JSON.parse(JSON.stringify(v)));
    return {
      async get(key) { return copy(o.data.get(key)); },
      async put(key, value) { o.data.set(key, copy(value)); },
      async delete(key) { return o.data.delete(key); },
      async getAlarm() { return o.alarm?.time ?? null; },
      async deleteAlarm() { if (o.alarm) H.clearTimer(o.alarm.id); o.alarm = null; },
      async setAlarm(time) {
        const at = Number(time instanceof Date ? time.getTime() : time);
        if (o.alarm) H.clearTimer(o.alarm.id);
        const id = H.platformTimer(Math.max(0, at - Date.now()), o.scope, () => {
          o.alarm = null;
          const object = instance();
          if (typeof object.alarm !== 'function') return;
          Promise.resolve().then(() => object.alarm()).catch((error) => H.reportUncaught(error));
        });
        o.alarm = { id, time: at };
      },
    };
  }

  /**
   * env.SELF.scheduled() and env.SELF.queue() (workerd's service_binding_extra_handlers, OBS-BOUNDARY-HANDLERS-1): each invokes
   * the module's handler as an event of its own, in a fresh request's empty frame, and settles with the event's outcome.
   */
  function extraHandlers(handlers, env, ctx) {
    const run = (name, event) => invoke('', () => {
      if (typeof handlers[name] !== 'function') throw new TypeError(`Handler does not export a ${name}() function.`);
      return Promise.resolve(handlers[name](event, env, ctx)).then(() => 'ok');
    });
    return {
      scheduled(options = {}) {
        const controller = { cron: String(options.cron ?? ''), scheduledTime: Number(options.scheduledTime ?? Date.now()), noRetry() {} };
        return run('scheduled', controller).then((outcome) => ({ outcome, noRetry: false }));
      },
      queue(queueName, messages = []) {
        const delivered = messages.map((m) => ({ id: String(m.id), timestamp: new Date(m.timestamp), body: toWire(m.body), attempts: m.attempts ?? 1, ack() {}, retry() {} }));
        const batch = { queue: String(queueName), messages: delivered, ackAll() {}, retryAll() {} };
        return run('queue', batch).then((outcome) => ({ outcome, ackAll: false, retryBatch: { retry: false }, explicitAcks: [], retryMessages: [] }));
      },
    };
  }

  Object.assign(web, { platform: { RpcTarget, WorkerEntrypoint, DurableObject, entrypoint, namespace, extraHandlers } });
})
