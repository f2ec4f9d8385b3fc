namespace Conformance.Matrix.Data;

/// <summary>The parts every cross-cutting program shares (kept apart from <see cref="CrossCuttingDimensions"/> so that the
/// dimensions, built from them, never see them uninitialised).</summary>
public static class CrossCuttingPrograms
{
    /// <summary>The lines every cross-cutting program starts with: the imports and the storage <c>als</c>.</summary>
    public static IReadOnlyList<string> Prelude { get; } =
    [
        "import { AsyncLocalStorage, AsyncResource } from 'node:async_hooks';",
        "import process from 'node:process';",
        "const als = new AsyncLocalStorage();",
    ];

    /// <summary>The test handler: <c>&lt;code&gt;</c> runs inside <c>als.run('a', ...)</c>, then the root store is logged.</summary>
    public static IReadOnlyList<string> TestInRun { get; } =
    [
        "export default {",
        "  async test() {",
        "    await als.run('a', async () => {",
        "      <code>;",
        "    });",
        "    console.log('test', als.getStore());",
        "  },",
        "};",
    ];
}
