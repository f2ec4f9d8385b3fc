// The least bridge that runs a scenario program on a node-style runtime (node, deno, bun), for the speed floor of
// issue 18, item 11 (tests/perf/MeasureFloor.cs). It does what a program needs to run and nothing the harness adds:
// no trace formatting or nonce (TF-1c), no error mapping, no sandbox, no settle turns; the settle timer stays (TF-9),
// because the program's own timers must get to fire for their callbacks' CPU to count, and waiting costs no CPU.
import plan from './plan.mjs';

const g = globalThis;
if (typeof g.scheduler?.wait !== 'function') {
  g.scheduler = Object.assign(g.scheduler ?? {}, { wait: (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms)) });
}
if (typeof g.addEventListener !== 'function') {
  const events = new EventTarget();
  g.addEventListener = events.addEventListener.bind(events);
  g.removeEventListener = events.removeEventListener.bind(events);
  g.dispatchEvent = events.dispatchEvent.bind(events);
}
// A rejection or a throw the program leaves unhandled is often the behaviour under test; Workers reports it and runs on,
// while without a handler these runtimes end the run before the program's later work has cost its CPU.
if (g.Deno) {
  g.addEventListener('unhandledrejection', (event) => event.preventDefault());
  g.addEventListener('error', (event) => event.preventDefault());
} else {
  g.process?.on?.('unhandledRejection', () => {});
  g.process?.on?.('uncaughtException', () => {});
}

const waits = [];
const context = () => ({ waitUntil: (promise) => { waits.push(Promise.resolve(promise).catch(() => {})); }, passThroughOnException() {}, props: {} });
let worker = {};
const env = { SELF: { fetch: async (input, init) => worker.fetch(new Request(input, init), env, context()) } };
const send = async ({ method, path, body }) => {
  try { await (await env.SELF.fetch(`http://conformance.test${path}`, { method, body: body ?? undefined })).text(); } catch { /* measured, not judged */ }
};

// No top-level await: Bun 1.4 never ends (and spins a core) while a top-level await is pending, which a program that
// waits for an event the runtime never fires leaves behind; an async function lets the run end when its loop runs dry.
async function main() {
  try {
    worker = (await import('./program.mjs')).default ?? {};
    try { await worker.test?.({}, env, context()); } catch { /* measured, not judged */ }
    if (plan.concurrent) await Promise.all(plan.requests.map(send));
    else for (const request of plan.requests) await send(request);
    await Promise.all(waits);
    await new Promise((resolve) => setTimeout(resolve, plan.settleMs));
  } catch { /* a program that does not load (a load-error scenario) costs its parse */ }
}
main().then(() => (g.Deno ? g.Deno.exit(0) : g.process.exit(0)));
