// The least bridge that runs a scenario program on workerd (`workerd test`), for the speed floor of issue 18, item 11
// (tests/perf/MeasureFloor.cs): the program's test handler, then the plan's requests through the SELF binding, then the
// settle timer (TF-9) so the program's own timers fire; no trace formatting or nonce (TF-1c), no sandbox.
import plan from './plan.mjs';
import * as program from './program.mjs';

const worker = program.default ?? {};

export default {
  fetch(request, env, ctx) { return worker.fetch(request, env, ctx); },
  async test(controller, env, ctx) {
    try { await worker.test?.(controller, env, ctx); } catch { /* measured, not judged */ }
    const send = async ({ method, path, body }) => {
      try { await (await env.SELF.fetch(`http://conformance.test${path}`, { method, body: body ?? undefined })).text(); } catch { /* measured, not judged */ }
    };
    if (plan.concurrent) await Promise.all(plan.requests.map(send));
    else for (const request of plan.requests) await send(request);
    await new Promise((resolve) => setTimeout(resolve, plan.settleMs));
  },
};
