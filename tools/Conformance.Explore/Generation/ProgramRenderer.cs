using System.Text;
using Conformance.Harness.Scenarios;

namespace Conformance.Explore.Generation;

/// <summary>
/// An operation tree as an ES module worker with a `test()` handler. Every trace line is `log(label)`: the label, then the
/// store of als, other and third. Values name their node (`'v7'` is the value node 7 runs with), so a trace line says which
/// operation's context it saw.
/// </summary>
public static class ProgramRenderer
{
    public static readonly IReadOnlyList<string> Prelude =
    [
        "import { AsyncLocalStorage, AsyncResource } from 'node:async_hooks';",
        "const als = new AsyncLocalStorage();",
        "const other = new AsyncLocalStorage();",
        "const third = new AsyncLocalStorage();",
        "const log = (step) => console.log(step, als.getStore(), other.getStore(), third.getStore());",
    ];

    public static ScenarioProgram ToScenarioProgram(ExploredProgram program, string? id = null) =>
        new(id ?? program.Id, Render(program.Operations), ScenarioPlan.TestHandlerOnly, ScenarioProgram.DefaultCompatibilityDate);

    public static string Render(IReadOnlyList<Operation> operations)
    {
        var text = new StringBuilder();
        foreach (var line in Prelude) text.Append(line).Append('\n');
        SourceRendering.WriteModuleLevel(text, operations);
        text.Append("export default {\n  async test() {\n");
        foreach (var operation in operations) Write(text, operation, 2);
        text.Append("    log('end');\n  },\n};\n");
        return text.ToString();
    }

    private static void Write(StringBuilder text, Operation operation, int depth)
    {
        var pad = new string(' ', depth * 2);
        var storage = Operation.Storages[operation.Storage];
        var n = operation.Id;
        switch (operation.Kind)
        {
            case OperationKind.Log: text.Append(pad).Append($"log('L{n}');\n"); return;
            case OperationKind.Wait: text.Append(pad).Append($"await scheduler.wait({operation.Delay});\n"); return;
            case OperationKind.Await:
                text.Append(pad).Append(operation.Variant switch
                {
                    0 => "await null;\n",
                    1 => "await Promise.resolve();\n",
                    _ => "await new Promise((resolve) => resolve());\n",
                });
                return;
            case OperationKind.All:
                text.Append(pad).Append("await Promise.all([\n");
                foreach (var branch in operation.Body)
                {
                    text.Append(pad).Append("  (async () => {\n");
                    Write(text, branch, depth + 2);
                    text.Append(pad).Append("  })(),\n");
                }
                text.Append(pad).Append("]);\n");
                return;
            case OperationKind.Source:
                SourceRendering.Write(text, operation, depth, (body, bodyDepth) => { foreach (var child in body) Write(text, child, bodyDepth); });
                return;
        }

        var (open, close) = operation.Kind switch
        {
            OperationKind.Run => ($"await {storage}.run('v{n}', async () => {{", "});"),
            OperationKind.Exit => ($"await {storage}.exit(async () => {{", "});"),
            OperationKind.Then => ("await Promise.resolve().then(async () => {", "});"),
            OperationKind.Timeout => ("await new Promise((resolve) => setTimeout(() => resolve((async () => {", $"}})()), {operation.Delay}));"),
            OperationKind.Microtask => ("await new Promise((resolve) => queueMicrotask(() => resolve((async () => {", "})())));"),
            OperationKind.Listener => ("{ const target = new EventTarget(); const done = new Promise((resolve) => target.addEventListener('go', () => resolve((async () => {",
                "})()))); target.dispatchEvent(new Event('go')); await done; }"),
            OperationKind.Thenable => ("await { then(resolve) { resolve((async () => {", "})()); } };"),
            OperationKind.Detached => ("(async () => {", "})();"),
            OperationKind.Capture => CaptureForm(operation.Variant, storage, n),
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation.Kind, "no rendering for this kind"),
        };
        text.Append(pad).Append(open).Append('\n');
        foreach (var child in operation.Body) Write(text, child, depth + 1);
        text.Append(pad).Append(close).Append('\n');
    }

    // The function is captured where the operation is, then called inside `storage.run('c<n>', ...)` (ALS-BIND-1,
    // ALS-SNAPSHOT-1, AR-RUNINSCOPE-1, AR-BIND-1, AR-STATIC-BIND-1), so the trace tells the captured context from the caller's.
    private static (string Open, string Close) CaptureForm(int variant, string storage, int n) => variant switch
    {
        0 => ("{ const f = AsyncLocalStorage.bind(async () => {", $"}}); await {storage}.run('c{n}', f); }}"),
        1 => ($"{{ const f = AsyncLocalStorage.snapshot(); await {storage}.run('c{n}', () => f(async () => {{", "})); }"),
        2 => ($"{{ const r = new AsyncResource('R'); await {storage}.run('c{n}', () => r.runInAsyncScope(async () => {{", "})); }"),
        3 => ("{ const f = new AsyncResource('R').bind(async () => {", $"}}); await {storage}.run('c{n}', f); }}"),
        _ => ("{ const f = AsyncResource.bind(async () => {", $"}}); await {storage}.run('c{n}', f); }}"),
    };
}
