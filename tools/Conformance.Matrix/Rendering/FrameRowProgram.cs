using Conformance.Matrix.Model;

namespace Conformance.Matrix.Rendering;

/// <summary>
/// The worker program of a family's discriminating rows (issue 19, item 2): every candidate frame holds its own store of
/// <c>als</c> (<see cref="CandidateFrames.Store"/>), so the store the callback logs names the frame a runtime ran it in.
/// <c>&lt;create&gt;</c>, <c>&lt;register&gt;</c>, <c>&lt;trigger&gt;</c>, <c>&lt;callback&gt;</c> and <c>&lt;observe&gt;</c>
/// are filled from the row (<see cref="FrameRow"/>). The steps are a timer apart, so a stream's start or a pending
/// job settles in the step that caused it, not in the next step's frame.
/// </summary>
public static class FrameRowProgram
{
    public static IEnumerable<string> Lines(FrameFamily family)
    {
        yield return "import { AsyncLocalStorage } from 'node:async_hooks';";
        foreach (var line in family.TopLevel ?? []) yield return line;
        yield return "const als = new AsyncLocalStorage();";
        yield return "const log = (step) => console.log(step, als.getStore());";
        yield return "let object;";
        yield return "const who = (self, expected) => self === globalThis ? 'globalThis' : self === undefined ? 'undefined'";
        yield return "  : self === null ? 'null' : self === expected ? 'the expected object' : 'another ' + typeof self;";
        yield return "const deferred = () => { const d = {}; d.promise = new Promise((resolve, reject) => { d.resolve = resolve; d.reject = reject; }); return d; };";
        yield return "let stop = () => {};";
        yield return "let called;";
        yield return "const calledOnce = new Promise((resolve) => { called = resolve; });";
        yield return "// Evaluated at the module's top level in run('top-level'): a runtime that keeps the frame a function was made in prints top-level.";
        yield return "const callback = als.run('top-level', () => function (...args) {";
        yield return "  stop();";
        yield return "  log('<callback>');";
        yield return "  console.log('received', <observe>);";
        yield return "  called();";
        yield return "});";
        yield return "export default {";
        yield return "  async test(controller, env) {";
        yield return "    await als.run('request', async () => {";
        yield return "      object = als.run('creation', () => <create>);";
        yield return "      await scheduler.wait(1);";
        yield return "      als.run('registration', () => { <register>; });";
        yield return "      await scheduler.wait(1);";
        yield return "      await als.run('trigger', async () => { <trigger>; });";
        yield return "      await calledOnce;";
        yield return "      log('after the callback');";
        yield return "    });";
        yield return "    log('test');";
        yield return "  },";
        yield return "  async fetch() {";
        foreach (var line in family.Fetch ?? []) yield return "    " + line;
        yield return "    return new Response('no source');";
        yield return "  },";
        yield return "};";
    }
}
