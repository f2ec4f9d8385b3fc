using Conformance.Matrix.Model;

namespace Conformance.Matrix.Rendering;

/// <summary>
/// The worker program of one source's outline for one <see cref="ProgramShape"/>. <c>&lt;enter&gt;</c> and
/// <c>&lt;create&gt;</c> are filled from the row (the entry form's and the position's code), so every row is a complete
/// ES module worker. Every line a program prints is <c>log(step)</c>: the step, then the store of <c>als</c> and of
/// <c>other</c>.
/// </summary>
public static class ProgramTemplate
{
    public static IEnumerable<string> Lines(AsyncSource source, ProgramShape shape = ProgramShape.InHandler)
    {
        yield return "import { AsyncLocalStorage, AsyncResource } from 'node:async_hooks';";
        yield return "const als = new AsyncLocalStorage();";
        yield return "const other = new AsyncLocalStorage();";
        yield return "const log = (step) => console.log(step, als.getStore(), other.getStore());";
        yield return "class Task extends AsyncResource { constructor() { super('Task'); } }";
        foreach (var line in source.TopLevel ?? []) yield return line;
        if (shape == ProgramShape.CapturedAtTopLevel) yield return "const captured = als.run('a', () => AsyncLocalStorage.snapshot());";
        yield return "async function operation() { // source: " + source.Label;
        foreach (var line in source.Operation) yield return "  " + line;
        yield return "}";
        yield return "async function body() { // position: <position>";
        yield return "  log('body');";
        yield return "  <create>;";
        yield return "  log('body end');";
        yield return "}";
        if (shape == ProgramShape.TopLevel)
        {
            yield return "await <enter>; // entry: <entry>";
            yield return "log('top level');";
        }
        yield return "export default {";
        yield return shape == ProgramShape.OutlivingHandler ? "  async test(controller, env, ctx) {" : "  async test(controller, env) {";
        foreach (var line in source.TestPrelude ?? []) yield return "    " + line;
        switch (shape)
        {
            case ProgramShape.InHandler or ProgramShape.CapturedAtTopLevel:
                yield return "    await <enter>; // entry: <entry>";
                yield return "    log('test');";
                break;
            case ProgramShape.OutlivingHandler:
                yield return "    <enter>; // entry: <entry>";
                yield return "    log('test returns');";
                break;
            case ProgramShape.TopLevel:
                yield return "    log('test');";
                break;
        }
        yield return "  },";
        yield return "  async fetch() {";
        foreach (var line in source.FetchPrelude ?? []) yield return "    " + line;
        yield return "    await als.run('request', body);";
        yield return "    return new Response('done');";
        yield return "  },";
        yield return "};";
    }
}
