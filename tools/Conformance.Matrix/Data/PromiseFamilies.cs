using Conformance.Matrix.Model;

namespace Conformance.Matrix.Data;

/// <summary>Sources built on promises: await, reactions, thenable adoption, combinators.</summary>
public static class PromiseFamilies
{
    public static SourceFamily Await { get; } = new(
        "await", "await",
        "An await continuation created in the entered context resumes in it (ALS-RUN-3).",
        Documented: true, ["ALS-RUN-3"],
        [
            new("await of a promise", ["await Promise.resolve('v');", "log('after await promise');"]),
            new("await of a pending promise", ["await new Promise((resolve) => scheduler.wait(1).then(resolve));", "log('after await pending promise');"]),
            new("await of a plain value", ["await 'v';", "log('after await value');"]),
        ]);

    public static SourceFamily Reactions { get; } = new(
        "then-catch-finally", "then, catch and finally",
        "A promise reaction registered in the entered context runs in it (ALS-RUN-3; OBS-THEN-REGISTRATION-1).",
        Documented: true, ["ALS-RUN-3"],
        [
            new("then", ["await Promise.resolve('v').then(() => log('then'));", "log('after then');"]),
            new("catch", ["await Promise.reject(new Error('x')).catch(() => log('catch'));", "log('after catch');"]),
            new("finally", ["await Promise.resolve('v').finally(() => log('finally'));", "log('after finally');"]),
            new("a chain of then", ["await Promise.resolve(1).then(() => log('then 1')).then(() => log('then 2'));", "log('after chain');"]),
        ]);

    private static readonly string[] Thenable =
        ["const thenable = () => ({ then(resolve) { log('thenable then'); resolve('v'); } });"];

    public static SourceFamily Thenables { get; } = new(
        "thenables", "thenables in every adoption path",
        "The page says thenables are not fully supported (CAV-THENABLE-1). workerd calls the thenable's then() in the "
        + "adopting context and the continuation keeps the awaiting context (OBS-THENABLE-ADOPT-1).",
        Documented: false, ["OBS-THENABLE-ADOPT-1", "OBS-MATRIX-THENABLE-1"],
        [
            new("await of a thenable", ["await thenable();", "log('after await thenable');"], Thenable),
            new("Promise.resolve of a thenable", ["await Promise.resolve(thenable());", "log('after Promise.resolve');"], Thenable),
            new("resolve with a thenable", ["await new Promise((resolve) => resolve(thenable()));", "log('after resolve');"], Thenable),
            new("a thenable returned from a then handler", ["await Promise.resolve().then(() => thenable());", "log('after then');"], Thenable),
            new("a thenable returned from an async function", ["await (async () => thenable())();", "log('after async function');"], Thenable),
        ]);

    public static SourceFamily Combinators { get; } = new(
        "combinators", "Promise combinators",
        "Inputs and the combined promise are created in the entered context; their reactions run in it (ALS-RUN-3; OBS-COMBINATOR-1).",
        Documented: true, ["ALS-RUN-3"],
        [
            new("Promise.all", ["await Promise.all([Promise.resolve('a').then(() => log('input')), Promise.resolve('b')]);", "log('after all');"]),
            new("Promise.allSettled", ["await Promise.allSettled([Promise.reject(new Error('x')).catch(() => log('input')), Promise.resolve('b')]);", "log('after allSettled');"]),
            new("Promise.race", ["await Promise.race([Promise.resolve('a').then(() => log('input')), new Promise(() => {})]);", "log('after race');"]),
            new("Promise.any", ["await Promise.any([Promise.reject(new Error('x')), Promise.resolve('b').then(() => log('input'))]);", "log('after any');"]),
        ]);
}
