// The driver (spec/trace-format.md, "Driver"): a Workers module worker that runs the scenario's plan
// against the program. The same file runs on every target; only the host around it differs.
import { emit, errorType } from './trace.mjs';
import plan from './plan.mjs';
import * as program from './program.mjs';

const worker = program.default ?? {};

async function send(env, index) {
  const { method = 'GET', path = '/', body } = plan.requests[index];
  try {
    const response = await env.SELF.fetch(`http://conformance.test${path}`, { method, body });
    return `response #${index}: ${response.status} ${await response.text()}`;
  } catch (error) {
    return `request #${index} threw: ${errorType(error)}`;
  }
}

async function turns(count) {
  for (let turn = 0; turn < count; turn++) await new Promise((resolve) => setTimeout(resolve, 0));
}

export default {
  fetch(request, env, ctx) {
    if (typeof worker.fetch !== 'function') throw new TypeError('the program has no fetch handler');
    return worker.fetch(request, env, ctx);
  },

  // fetch comes before test: workerd releases before 2025 find a default-exported test() only when it is the last
  // handler of the object (workerd issue #962), and report "No tests found!" otherwise.
  async test(controller, env, ctx) {
    if (typeof worker.test === 'function') {
      try {
        await worker.test(controller, env, ctx);
      } catch (error) {
        emit(`test threw: ${errorType(error)}`);
      }
    }
    const indexes = plan.requests.map((_, i) => i);
    // TF-8: concurrent requests are all sent before any is awaited; results print in request order.
    const results = plan.concurrent
      ? await Promise.all(indexes.map((i) => send(env, i)))
      : await indexes.reduce(async (done, i) => [...(await done), await send(env, i)], Promise.resolve([]));
    results.forEach((line) => emit(line));
    // TF-9: macrotask turns for events that follow the work (unhandledrejection and the like), then the settle
    // timer, longer than any timer a program sets, so every timer has fired; then turns for what those timers caused.
    await turns(plan.settleTurns);
    await new Promise((resolve) => setTimeout(resolve, plan.settleMs));
    await turns(plan.settleTurns);
    emit('end');
  },
};
