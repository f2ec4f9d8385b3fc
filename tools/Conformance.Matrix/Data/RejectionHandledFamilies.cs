using Conformance.Matrix.Model;

namespace Conformance.Matrix.Data;

/// <summary>A rejection reported as unhandled, then handled late from another context: the second program shape of rejections.</summary>
public static class RejectionHandledFamilies
{
    private static readonly string[] Listeners =
    [
        "let reported = () => {};",
        "let handledReported = () => {};",
        "addEventListener('unhandledrejection', (event) => { log('unhandledrejection'); reported(); });",
        "addEventListener('rejectionhandled', (event) => { log('rejectionhandled'); handledReported(); });",
    ];

    /// <summary>
    /// The promise is rejected in the entered context and reported; the late catch is attached from a run of the other
    /// storage, so the catch handler (its own context) is told apart from the rejectionhandled listener (the rejection's).
    /// </summary>
    private static AsyncSource LateCatch(string label, string rejected) => new(label,
        [
            "const seen = new Promise((resolve) => { reported = resolve; });",
            "const handled = new Promise((resolve) => { handledReported = resolve; });",
            "const rejected = " + rejected + ";",
            "await seen;",
            "await other.run('late', () => rejected.catch(() => log('late catch')));",
            "await handled;",
            "log('after rejectionhandled');",
        ], Listeners);

    public static SourceFamily LateHandlers { get; } = new(
        "rejection-handled", "rejectionhandled after a late catch",
        "Both the unhandledrejection and the rejectionhandled listener see the context of the rejection; the late catch "
        + "handler sees the context it was attached in (OBS-MATRIX-REJECTIONHANDLED-1).",
        Documented: false, ["OBS-REJECTIONHANDLED-1", "OBS-MATRIX-REJECTIONHANDLED-1"],
        [
            LateCatch("Promise.reject", "Promise.reject(new Error('x'))"),
            LateCatch("a throwing async function", "(async () => { await null; throw new Error('x'); })()"),
            LateCatch("a throwing then handler", "Promise.resolve().then(() => { throw new Error('x'); })"),
        ]);
}
