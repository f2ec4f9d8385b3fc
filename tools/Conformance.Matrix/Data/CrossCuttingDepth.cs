using Conformance.Matrix.Model;

namespace Conformance.Matrix.Data;

/// <summary>
/// Deep nesting and long chains. A row logs booleans (the innermost store, that every level or step saw its store) and
/// error types, never a depth or a count: where workerd's limit lies depends on its stack (OBS-MATRIX-NESTING-1).
/// </summary>
public static class CrossCuttingDepth
{
    private static readonly string[] NestingProgram =
    [
        .. CrossCuttingPrograms.Prelude,
        "let restored = true;",
        "let innermost;",
        "// Level d runs with store d; after the level below returns, d must be current again (ALS-RUN-2).",
        "const nest = (d, depth) => als.run(d, () => {",
        "  if (d < depth) { nest(d + 1, depth); if (als.getStore() !== d) restored = false; } else innermost = als.getStore();",
        "});",
        "const nestAsync = (d, depth) => als.run(d, async () => {",
        "  await null;",
        "  if (d < depth) { await nestAsync(d + 1, depth); if (als.getStore() !== d) restored = false; } else innermost = als.getStore();",
        "  await null;",
        "});",
        "// Runs nested until the stack runs out; level catchAt (if any) catches the RangeError and logs what it sees.",
        "const dive = (d, catchAt) => als.run(d, () => {",
        "  if (d !== catchAt) return dive(d + 1, catchAt) && false;",
        "  try { dive(d + 1, catchAt); } catch (error) { console.log('caught at its level', error.constructor.name, als.getStore() === d); }",
        "});",
        "const report = (error) => console.log('threw', error.constructor.name, als.getStore());",
        .. CrossCuttingPrograms.TestInRun,
    ];

    public static CrossDimension Nesting { get; } = new(
        "cross-cutting-nesting", "deep nesting of run",
        "run nested deep, each level a distinct store: the innermost level sees its own, and each level's store is current "
        + "again when the level below returns (ALS-RUN-2, ALS-RUN-3). Synchronously, workerd's stack allows a few hundred "
        + "levels: deeper, run throws a RangeError and every level restores its store as it passes (OBS-MATRIX-NESTING-1).",
        [
            new("run nested <case>", Documented: true, ["ALS-RUN-2", "ALS-RUN-3"], NestingProgram,
            [
                new("1,000 deep, awaiting at every level", "await nestAsync(1, 1000); console.log('innermost', innermost === 1000, 'restored', restored, als.getStore())"),
                new("100 deep synchronously", "nest(1, 100); console.log('innermost', innermost === 100, 'restored', restored, als.getStore())"),
            ]),
            new("run nested <case>", Documented: false, ["OBS-MATRIX-NESTING-1"], NestingProgram,
            [
                new("1,000 deep synchronously", "try { nest(1, 1000); console.log('innermost', innermost === 1000, 'restored', restored); } catch (error) { report(error); } console.log('after', als.getStore(), als.run('b', () => als.getStore()))"),
                new("until the stack runs out", "try { dive(1, 0); } catch (error) { report(error); } console.log('after', als.getStore(), als.run('b', () => als.getStore()))"),
                new("until the stack runs out, caught at level 10", "dive(1, 10); console.log('after', als.getStore(), als.run('b', () => als.getStore()))"),
            ]),
        ]);

    private static readonly string[] ChainProgram =
    [
        .. CrossCuttingPrograms.Prelude,
        "let sawStore = true;",
        "const step = () => { if (als.getStore() !== 'a') sawStore = false; };",
        "const chain = (schedule, length) => new Promise((resolve) => {",
        "  let left = length;",
        "  const next = () => { step(); if (--left === 0) resolve(); else schedule(next); };",
        "  schedule(next);",
        "});",
        "const nested = async (n) => { if (n > 0) await nested(n - 1); await null; step(); };",
        "const done = () => console.log('every step saw the store', sawStore, als.getStore());",
        .. CrossCuttingPrograms.TestInRun,
    ];

    public static CrossDimension Chains { get; } = new(
        "cross-cutting-chains", "long chains inside one run",
        "A thousand reactions, awaits, microtasks, ticks or immediates chained one after another inside one run each see "
        + "its store (ALS-RUN-3); timers are chained fifty deep, as each takes at least a millisecond on Node.",
        [
            new("a chain of <case> inside one run", Documented: true, ["ALS-RUN-3"], ChainProgram,
            [
                new("1,000 then handlers", "let p = Promise.resolve(); for (let i = 0; i < 1000; i++) p = p.then(step); await p; done()"),
                new("1,000 awaits of a plain value", "for (let i = 0; i < 1000; i++) { await i; step(); } done()"),
                new("1,000 awaits of a promise", "for (let i = 0; i < 1000; i++) { await Promise.resolve(i); step(); } done()"),
                new("1,000 nested async functions", "await nested(1000); done()"),
                new("1,000 queueMicrotask callbacks", "await chain(queueMicrotask, 1000); done()"),
                new("1,000 process.nextTick callbacks", "await chain(process.nextTick, 1000); done()"),
                new("1,000 setImmediate callbacks", "await chain(setImmediate, 1000); done()"),
                new("50 setTimeout callbacks", "await chain((next) => setTimeout(next, 0), 50); done()"),
            ]),
        ]);
}
