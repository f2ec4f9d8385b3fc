// The bridge that hosts the shared driver on a runtime that is not Workers: Node, Deno, Bun, or any
// runtime with `node:async_hooks` (spec/runtime-bridges.md). It is copied beside driver.mjs, trace.mjs,
// plan.mjs and program.mjs and run as the entry module. The driver runs unchanged; this file supplies
// only what a Workers module worker gets from its host, each decision documented in the bridges page.
import { emit, errorType } from './trace.mjs'; // first: the console is canonical before anything else runs
import { AsyncLocalStorage, AsyncResource } from 'node:async_hooks';

const g = globalThis;
// B-14 A runtime whose global object has no `process` (Deno 1.x) but which has `node:process`: the bridge uses that
// module's object for its own work (stderr, the process events, exit); the program's global object stays as the runtime made it.
const proc = g.process ?? (await import('node:process').then((m) => m.default ?? m, () => undefined));
// B-15 On Bun the bridge writes standard error through fd 2 and exits without flushing standard output: making
// process.stdout or process.stderr costs Bun ~15 ms per program, and Bun's console writes synchronously, so nothing is queued.
const bunFs = g.Bun ? await import('node:fs') : undefined;
const stderr = bunFs ? (text) => bunFs.writeSync(2, `${text}\n`) : (text) => proc?.stderr?.write?.(`${text}\n`);

// B-11 The runtime's own warnings (Node's DeprecationWarning and the like) are not the program's output: Node
// prints them through console.error, which trace.mjs has made a trace line, so they go to standard error here.
if (typeof proc?.on === 'function' && typeof proc.removeAllListeners === 'function') {
  proc.removeAllListeners('warning');
  proc.on('warning', (warning) => stderr(`runtime warning: ${warning?.name}: ${warning?.message}`));
}

// B-1 A fresh, empty async context, captured before any program code runs: every request dispatched
// through env.SELF starts in it, as a new Workers request does, never in the caller's frame. A runtime older
// than AsyncLocalStorage.snapshot() (Node before 18.16/20.5) gets the same from an AsyncResource made here,
// whose runInAsyncScope runs a function in the context captured at its construction, as snapshot() does.
const root = typeof AsyncLocalStorage.snapshot === 'function'
  ? AsyncLocalStorage.snapshot()
  : ((resource) => (fn, ...args) => resource.runInAsyncScope(fn, undefined, ...args))(new AsyncResource('conformance-root'));

// B-2 scheduler.wait(ms): a promise resolved by a timer, so it carries the frame as a timer does.
if (typeof g.scheduler?.wait !== 'function') {
  const scheduler = g.scheduler ?? {};
  scheduler.wait = (ms = 0) => new Promise((resolve) => setTimeout(resolve, Number(ms) || 0));
  g.scheduler = scheduler;
}

// B-3 'unhandledrejection' / 'rejectionhandled' on globalThis. A runtime that defines
// PromiseRejectionEvent and a global addEventListener dispatches them itself (Deno); otherwise the
// runtime's process events are bridged to global events, dispatched synchronously inside the
// runtime's own callback so the listener sees whatever frame the runtime gives that callback.
const nativeRejectionEvents = typeof g.addEventListener === 'function' && typeof g.PromiseRejectionEvent === 'function';
if (!nativeRejectionEvents) {
  if (typeof g.addEventListener !== 'function') {
    const target = new EventTarget();
    g.addEventListener = target.addEventListener.bind(target);
    g.removeEventListener = target.removeEventListener.bind(target);
    g.dispatchEvent = target.dispatchEvent.bind(target);
  }
  if (typeof g.PromiseRejectionEvent !== 'function') {
    g.PromiseRejectionEvent = class PromiseRejectionEvent extends Event {
      #promise;
      #reason;
      constructor(type, init = {}) {
        super(type, init);
        this.#promise = init.promise;
        this.#reason = init.reason;
      }
      get promise() { return this.#promise; }
      get reason() { return this.#reason; }
    };
  }
  const reasons = new WeakMap(); // rejectionHandled only follows an unhandledRejection of the same promise
  proc.on('unhandledRejection', (reason, promise) => {
    reasons.set(promise, reason);
    g.dispatchEvent(new g.PromiseRejectionEvent('unhandledrejection', { promise, reason, cancelable: true }));
  });
  proc.on('rejectionHandled', (promise) =>
    g.dispatchEvent(new g.PromiseRejectionEvent('rejectionhandled', { promise, reason: reasons.get(promise) })));
} else {
  // B-4 Workers logs an unhandled rejection and keeps running; a runtime that exits on one is told
  // it is handled (a process listener counts as handling on Deno), without touching the global event.
  proc?.on?.('unhandledRejection', () => {});
}

// B-12 What fails the test as `workerd test` reports it (TF-13): test() rejecting, a throwing timer callback
// or a rejected waitUntil promise (B-6). Any other uncaught exception (a throwing microtask or event listener,
// which Node reports as uncaught too) is only logged, as on workerd.
let testFailed = false;
for (const name of ['setTimeout', 'setInterval']) {
  const native = g[name];
  g[name] = function (callback, ...rest) {
    if (typeof callback !== 'function') return native.call(this, callback, ...rest); // the runtime's own handling
    return native.call(this, function (...args) {
      try {
        return callback.apply(this, args);
      } catch (error) {
        testFailed = true;
        stderr(`uncaught exception in a timer: ${error?.stack ?? error}`);
      }
    }, ...rest);
  };
  Object.defineProperty(g[name], 'name', { value: name });
}

// B-5 Workers logs an uncaught exception and keeps the request running.
proc?.on?.('uncaughtException', (error) => stderr(`uncaught exception: ${error?.stack ?? error}`));

// B-6 ctx: waitUntil keeps the run alive until the promise settles; the run ends when the test and
// every waitUntil promise have settled, and timers still pending then are dropped, as in workerd test.
const pending = new Set();
function makeContext() {
  return {
    waitUntil(promise) {
      // As on workerd: waitUntil() needs its promise (features/concurrency/requests.feature).
      if (arguments.length === 0) throw new TypeError('waitUntil() requires a promise argument');
      const settled = Promise.resolve(promise).then(() => {}, (error) => {
        testFailed = true; // B-12
        stderr(`waitUntil rejected: ${error?.stack ?? error}`);
      });
      pending.add(settled);
    },
    passThroughOnException() {},
    props: {},
  };
}

// B-7 An error crossing a service binding arrives as a new error of the same built-in type.
const crossing = { Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError };
function acrossBinding(error) {
  const Type = error instanceof Error && Object.hasOwn(crossing, error.constructor?.name) ? crossing[error.constructor.name] : Error;
  return new Type(error instanceof Error ? error.message : String(error));
}

// B-9 A load failure is reported by the type the program's source would raise (TF-10). Two runtimes
// report a module that does not parse in their own way, translated here and nowhere else:
// Deno rejects the dynamic import with a TypeError whose message starts with the original type
// ("SyntaxError: Expected ',' ..."); Bun rejects with a BuildMessage (a parse failure) or a
// ResolveMessage (a module not found, an Error on Node and workerd); with several parse failures,
// Bun rejects with an AggregateError of BuildMessages.
function loadErrorType(error) {
  if (typeof g.BuildMessage === 'function' && error instanceof g.BuildMessage) return 'SyntaxError';
  if (typeof g.BuildMessage === 'function' && error instanceof AggregateError && error.errors.length > 0
      && error.errors.every((e) => e instanceof g.BuildMessage)) return 'SyntaxError';
  if (typeof g.ResolveMessage === 'function' && error instanceof g.ResolveMessage) return 'Error';
  const wrapped = error instanceof TypeError && g.Deno && /^(SyntaxError|ReferenceError|TypeError|RangeError): /.exec(error.message);
  return wrapped ? wrapped[1] : errorType(error);
}

let worker;
const env = {
  SELF: {
    // B-8 A new request: built from the arguments at the call, started on a later macrotask in the
    // root frame, its Response copied back to the caller on a later macrotask too (workerd delivers
    // the answer as I/O, so what the handler's work queued, such as a rejection event, comes first).
    fetch(input, init) {
      // As on workerd: fetch() with no URL or Request rejects with a TypeError and sends nothing.
      if (arguments.length === 0) return Promise.reject(new TypeError('fetch() requires a URL or Request'));
      let request;
      try {
        request = new Request(input, init);
      } catch (error) {
        return Promise.reject(error);
      }
      return root(async () => {
        await new Promise((resolve) => setTimeout(resolve, 0));
        const crossBack = () => new Promise((resolve) => setTimeout(resolve, 0));
        let response;
        try {
          response = await worker.fetch(request, env, makeContext());
        } catch (error) {
          await crossBack();
          throw acrossBinding(error);
        }
        await crossBack();
        if (!(response instanceof Response)) throw new TypeError('the fetch handler did not return a Response');
        return new Response(response.body, response);
      });
    },
  },
};

// B-12 The exit code and the report are workerd test's: a load error prints no report and exits 1; otherwise
// `[ PASS ] main` or `[ FAIL ] main` on standard error, and 0 or 1.
async function main() {
  try {
    worker = (await import('./driver.mjs')).default;
  } catch (error) {
    emit(`load error: ${loadErrorType(error)}`); // TF-10
    return 1;
  }
  try {
    await worker.test({}, env, makeContext());
  } catch (error) {
    testFailed = true;
    stderr(`test() rejected: ${error?.stack ?? error}`);
  }
  while (pending.size > 0) {
    const batch = [...pending];
    pending.clear();
    await Promise.all(batch);
  }
  stderr(`[ ${testFailed ? 'FAIL' : 'PASS'} ] main`);
  return testFailed ? 1 : 0;
}

// B-6 (exit) Node writes to a full pipe asynchronously, and process.exit drops what is still queued:
// the exit waits until standard output has taken everything written before it.
// B-13 In a Deno batch (targets/hosts/batch-host.mjs) this bridge runs in a Web Worker, whose process.exit ends only
// the worker and tells the batch host nothing: the exit code is posted to it first. Deno's main realm has no global
// postMessage, so a single run never posts; Node and Bun workers pass the code through process.exit itself.
const postExit = g.Deno && typeof g.postMessage === 'function' ? g.postMessage.bind(g) : null;
function exit(code) {
  const end = () => {
    postExit?.({ conformanceExit: code });
    proc.exit(code);
  };
  const stdout = bunFs ? undefined : proc.stdout; // B-15
  if (typeof stdout?.write === 'function') stdout.write('', end);
  else end();
}

main().then(
  (code) => exit(code),
  (error) => {
    stderr(`host failure: ${error?.stack ?? error}`); // B-10
    exit(70);
  },
);
