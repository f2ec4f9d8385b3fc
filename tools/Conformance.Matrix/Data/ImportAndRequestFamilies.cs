using Conformance.Matrix.Model;

namespace Conformance.Matrix.Data;

/// <summary>
/// Continuations of work that another part of the worker finishes: a dynamic import() of a module of the program's own
/// bundle, and a promise that a second request settles.
/// </summary>
public static class ImportAndRequestFamilies
{
    /// <summary>
    /// program.mjs is the program's own module in every target's bundle (spec/trace-format.md, "What runs"), already
    /// evaluated when body() runs: the import settles without loading anything new.
    /// </summary>
    public static SourceFamily DynamicImport { get; } = new(
        "dynamic-import", "dynamic import()",
        "The continuation of a dynamic import() made in the entered context resumes in it (ALS-RUN-3).",
        Documented: true, ["ALS-RUN-3"],
        [
            new("await import() of the program's own module", ["const module = await import('./program.mjs');", "log('after import ' + typeof module.default);"]),
            new("then of import()", ["await import('./program.mjs').then(() => log('import then'));", "log('after import then');"]),
        ]);

    /// <summary>
    /// The second request starts in no context (a new request) and settles the promise from a run of its own; the first
    /// request's then handler and await continuation were created in the entered context.
    /// </summary>
    public static SourceFamily CrossRequest { get; } = new(
        "cross-request", "a promise settled by another request",
        "A then handler and an await continuation on a promise created in the entered context run in it, also when another "
        + "request settles the promise from a context of its own (ALS-RUN-3).",
        Documented: true, ["ALS-RUN-3"],
        [
            new("a promise settled by another request",
                [
                    "const settled = new Promise((resolve) => { settleFromRequest = resolve; });",
                    "const response = other.run('sender', () => self.fetch('http://matrix/settle'));",
                    "await settled.then(() => log('then of the settled promise'));",
                    "log('after settled');",
                    "log('response ' + await (await response).text());",
                ],
                TopLevel: ["let self;", "let settleFromRequest = null;"],
                TestPrelude: ["self = env.SELF;"],
                FetchPrelude:
                [
                    "if (settleFromRequest) {",
                    "  const settle = settleFromRequest;",
                    "  settleFromRequest = null;",
                    "  await als.run('settler', async () => { await null; log('settling'); settle(); });",
                    "  return new Response('settled');",
                    "}",
                ]),
        ]);
}
