using Conformance.Matrix.Model;

namespace Conformance.Matrix.Data;

/// <summary>
/// Stores of every kind kept under GC pressure. A row logs whether <c>getStore()</c> is the very value
/// (<c>Object.is</c>), its typeof and, for a string, its length: never the content of the long string.
/// </summary>
public static class CrossCuttingStores
{
    /// <summary>
    /// Arrays of 1,024 numbers allocated per row, the last hundred kept: about 16 MB of short-lived arrays, several
    /// young-generation collections on V8, in few enough iterations for the interpreted reference (well under a second).
    /// </summary>
    private const int Allocations = 2_000;

    private static IReadOnlyList<string> Program(params string[] body) =>
    [
        .. CrossCuttingPrograms.Prelude,
        "const value = <code>; // store: <case>",
        "const check = (step) => {",
        "  const store = als.getStore();",
        "  console.log(step, Object.is(store, value), typeof store, typeof store === 'string' ? store.length : '-');",
        "};",
        "export default {",
        "  async test() {",
        "    await als.run(value, async () => {",
        .. body.Select(line => "      " + line),
        "    });",
        "    console.log('test', als.getStore());",
        "  },",
        "};",
    ];

    private static readonly IReadOnlyList<CrossCase> Kinds =
    [
        new("the number 0", "0"),
        new("the empty string", "''"),
        new("false", "false"),
        new("undefined", "undefined"),
        new("null", "null"),
        new("NaN", "NaN"),
        new("negative zero", "-0"),
        new("a number", "42"),
        new("a bigint", "10n"),
        new("a string", "'text'"),
        new("a string of 100,000 characters", "'x'.repeat(100000)"),
        new("a symbol", "Symbol('store')"),
        new("an object", "{ name: 'store' }"),
        new("an array", "[1, 2]"),
        new("a Map", "new Map([['key', 1]])"),
        new("a function", "function store() {}"),
    ];

    public static CrossDimension Dimension { get; } = new(
        "cross-cutting-stores", "stores of every kind under GC pressure",
        "getStore() returns the store itself, whatever its kind (ALS-GETSTORE-1), in the callback and in the asynchronous "
        + "operations created in it (ALS-RUN-3), also after a long loop of allocations and a forced collection.",
        [
            new("a store of <case> after a long loop of allocations, awaits and a timer", Documented: true,
                ["ALS-GETSTORE-1", "ALS-RUN-3"],
                Program(
                    "let kept = [];",
                    $"for (let i = 0; i < {Allocations}; i++) {{ kept.push(new Array(1024).fill(i)); if (kept.length === 100) kept = []; }}",
                    "check('after allocations');",
                    "await null;",
                    "await Promise.resolve();",
                    "await new Promise((resolve) => setTimeout(resolve, 1));",
                    "check('after awaits and a timer');"),
                Kinds),
            // globalThis.gc exists only where the runtime exposes it (none of the pinned runtimes does by default): the row
            // logs only that the store survived, so its trace is the same with or without a collection.
            new("a store of <case> after a forced collection where the runtime offers one", Documented: true,
                ["ALS-GETSTORE-1", "ALS-RUN-3"],
                Program(
                    "const collect = typeof globalThis.gc === 'function' ? () => globalThis.gc() : () => {};",
                    "const snapshot = AsyncLocalStorage.snapshot();",
                    "await null;",
                    "collect();",
                    "await new Promise((resolve) => setTimeout(resolve, 1));",
                    "collect();",
                    "check('after a collection');",
                    "als.run('elsewhere', () => snapshot(() => check('in a snapshot taken before it')));"),
                Kinds),
        ]);
}
