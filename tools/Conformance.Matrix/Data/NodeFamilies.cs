using Conformance.Matrix.Model;

namespace Conformance.Matrix.Data;

/// <summary>Sources from Node's APIs that workerd provides (nodejs_compat): node:process, node:timers/promises, setImmediate.</summary>
public static class NodeFamilies
{
    public static SourceFamily Scheduling { get; } = new(
        "node-scheduling", "setImmediate, process.nextTick and node:timers/promises",
        "An immediate, a tick and the promises of node:timers/promises run their callbacks, or resume their awaiters, in the "
        + "context current when they were scheduled (OBS-MATRIX-NODE-SCHEDULING-1).",
        Documented: false, ["OBS-MATRIX-NODE-SCHEDULING-1"],
        [
            new("setImmediate", ["await new Promise((resolve) => setImmediate(() => { log('immediate'); resolve(); }));"]),
            new("process.nextTick", ["await new Promise((resolve) => process.nextTick(() => { log('tick'); resolve(); }));"],
                ["import process from 'node:process';"]),
            new("setTimeout of node:timers/promises", ["await sleep(1);", "log('after timers/promises setTimeout');"],
                ["import { setTimeout as sleep } from 'node:timers/promises';"]),
            new("setImmediate of node:timers/promises", ["await immediate();", "log('after timers/promises setImmediate');"],
                ["import { setImmediate as immediate } from 'node:timers/promises';"]),
        ]);
}
