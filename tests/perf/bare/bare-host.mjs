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
// A rejection the program leaves unhandled is often the behaviour under test; without a handler the runtime ends the run.
if (g.Deno) g.addEventListener('unhandledrejection', (event) => event.preventDefault());
else g.process?.on?.('unhandledRejection', () => {});

const waits = [];
const context = () => ({ waitUntil: (promise) => { waits.push(Promise.resolve(promise).catch(() => {})); }, passThroughOnException() {}, props: {} });
let worker = {};
const env = { SELF: { fetch: async (input, init) => worker.fetch(new Request(input, init), env, context()) } };
const send = async ({ method, path, body }) => {
  try { await (await env.SELF.fetch(`http://conformance.test${path}`, { method, body: body ?? undefined })).text(); } catch { /* measured, not judged */ }
};

try {
  worker = (await import('./program.mjs')).default ?? {};
  try { await worker.test?.({}, env, context()); } catch { /* measured, not judged */ }
  if (plan.concurrent) await Promise.all(plan.requests.map(send));
  else for (const request of plan.requests) await send(request);
  await Promise.all(waits);
  await new Promise((resolve) => setTimeout(resolve, plan.settleMs));
} catch { /* a program that does not load (a load-error scenario) costs its parse */ }
if (g.Deno) g.Deno.exit(0);
else g.process.exit(0);
