using Conformance.Matrix.Model;

namespace Conformance.Matrix.Data;

/// <summary>Sources that schedule work: generators, timers, microtasks, events, rejection reports.</summary>
public static class SchedulingFamilies
{
    private static readonly string[] Generators =
    [
        "function* pair() { log('sync generator'); yield 1; yield 2; }",
        "async function* steps() { log('async generator'); await null; log('async generator after await'); yield 1; }",
    ];

    public static SourceFamily Iteration { get; } = new(
        "generators", "generators and for await",
        "A generator's body runs in the context of whoever resumes it (OBS-ASYNCGEN-1); here every resumption happens in "
        + "the entered context.",
        Documented: false, ["OBS-ASYNCGEN-1", "OBS-MATRIX-GENERATOR-1"],
        [
            new("a sync generator", ["for (const n of pair()) { await n; log('sync loop'); }"], Generators),
            new("next of an async generator", ["await steps().next();", "log('after next');"], Generators),
            new("for await over an async generator", ["for await (const n of steps()) log('for await body');"], Generators),
            new("for await over a sync iterable", ["for await (const n of [Promise.resolve(1), 2]) log('for await value');"], Generators),
        ]);

    public static SourceFamily Timers { get; } = new(
        "timers-and-microtasks", "timers, scheduler.wait and queueMicrotask",
        "Timers and microtasks created in the entered context run in it (ALS-RUN-3; OBS-TIMER-FRAME-1, OBS-MICROTASK-1).",
        Documented: true, ["ALS-RUN-3"],
        [
            new("setTimeout", ["await new Promise((resolve) => setTimeout(() => { log('timeout'); resolve(); }, 1));"]),
            new("setInterval", ["await new Promise((resolve) => {", "  let ticks = 0;", "  const id = setInterval(() => { log('interval'); if (++ticks === 2) { clearInterval(id); resolve(); } }, 1);", "});"]),
            new("scheduler.wait", ["await scheduler.wait(1);", "log('after scheduler.wait');"]),
            new("queueMicrotask", ["await new Promise((resolve) => queueMicrotask(() => { log('microtask'); resolve(); }));"]),
        ]);

    public static SourceFamily Events { get; } = new(
        "event-targets", "EventTarget and AbortSignal",
        "Listeners capture no context: a listener runs in the context of whoever dispatches (OBS-LISTENER-NOCAPTURE-1).",
        Documented: false, ["OBS-LISTENER-NOCAPTURE-1", "OBS-MATRIX-EVENTS-1"],
        [
            new("an EventTarget dispatched here", ["const target = new EventTarget();", "target.addEventListener('ping', () => log('listener'));", "target.dispatchEvent(new Event('ping'));"]),
            new("an EventTarget dispatched from another run", ["const target = new EventTarget();", "target.addEventListener('ping', () => log('listener'));", "other.run('dispatcher', () => target.dispatchEvent(new Event('ping')));"]),
            new("AbortController abort", ["const controller = new AbortController();", "controller.signal.addEventListener('abort', () => log('abort'));", "controller.abort();"]),
            new("AbortSignal.any", ["const controller = new AbortController();", "AbortSignal.any([controller.signal]).addEventListener('abort', () => log('any abort'));", "controller.abort();"]),
            // The later scheduler.wait keeps the event loop alive where the timeout's own timer does not (Node), so every
            // target reaches the abort; the deadlines differ, so the order is fixed.
            new("AbortSignal.timeout", ["const signal = AbortSignal.timeout(1);", "const aborted = new Promise((resolve) => signal.addEventListener('abort', () => { log('timeout abort'); resolve(); }));", "await scheduler.wait(5);", "await aborted;", "log('after timeout abort');"]),
        ]);

    private static readonly string[] Listener =
    [
        "let reported = () => {};",
        "addEventListener('unhandledrejection', (event) => { log('unhandledrejection'); reported(); });",
    ];

    private static AsyncSource Rejection(string label, string reject) => new(label,
        ["const seen = new Promise((resolve) => { reported = resolve; });", reject, "await seen;", "log('after report');"], Listener);

    public static SourceFamily Rejections { get; } = new(
        "unhandled-rejections", "unhandledrejection from each kind of rejection",
        "The unhandledrejection listener sees the context of the rejection (UR-1; OBS-REJECTION-FRAME-1: the context current "
        + "when the promise was rejected).",
        Documented: true, ["UR-1"],
        [
            Rejection("Promise.reject", "Promise.reject(new Error('x'));"),
            Rejection("reject in an executor", "new Promise((_, reject) => reject(new Error('x')));"),
            Rejection("a throwing async function", "(async () => { await null; throw new Error('x'); })();"),
            Rejection("a throwing then handler", "Promise.resolve().then(() => { throw new Error('x'); });"),
            Rejection("a rejection in a timer", "new Promise((_, reject) => setTimeout(() => reject(new Error('x')), 1));"),
        ]);

    private static readonly string[] ErrorListener =
    [
        "let reportedError = () => {};",
        "addEventListener('error', (event) => { log('error event ' + event.error.name); reportedError(); });",
    ];

    private static AsyncSource ErrorEvent(string label, string thrower) => new(label,
        ["const seen = new Promise((resolve) => { reportedError = resolve; });", thrower, "await seen;", "log('after error event');"],
        ErrorListener);

    public static SourceFamily Errors { get; } = new(
        "error-events", "the global error event of an uncaught throw",
        "An uncaught throw in a microtask or an event listener fires the global error event in the context current when it "
        + "was thrown; a throwing timer fires none and fails the test (OBS-MATRIX-ERROR-EVENT-1).",
        Documented: false, ["OBS-MATRIX-ERROR-EVENT-1"],
        [
            ErrorEvent("a throwing queueMicrotask callback", "queueMicrotask(() => { null.x; });"),
            ErrorEvent("a throwing EventTarget listener", "const target = new EventTarget(); target.addEventListener('ping', () => { null.x; }); target.dispatchEvent(new Event('ping'));"),
            // No error event comes: the row waits on a later timer, and the test fails when it ends (TF-13).
            new("a throwing timer callback", ["setTimeout(() => { null.x; }, 1);", "await scheduler.wait(5);", "log('after throwing timer');"], ErrorListener),
        ]);

    private static AsyncSource Message(string label, string listen, string post) => new(label,
        ["const { port1, port2 } = new MessageChannel();", "await new Promise((resolve) => {", "  " + listen, "  " + post, "});",
         "log('after message');"]);

    public static SourceFamily Messages { get; } = new(
        "message-channel", "MessageChannel",
        "A message's handler runs in the context of whoever posted it: postMessage queues the delivery in its own context "
        + "(OBS-MATRIX-MESSAGE-CHANNEL-1).",
        Documented: false, ["OBS-MATRIX-MESSAGE-CHANNEL-1"],
        [
            Message("onmessage, posted here", "port1.onmessage = () => { log('onmessage'); resolve(); };", "port2.postMessage('ping');"),
            Message("onmessage, posted from another run", "port1.onmessage = () => { log('onmessage'); resolve(); };",
                "other.run('poster', () => port2.postMessage('ping'));"),
            Message("a message listener, posted from another run", "port1.addEventListener('message', () => { log('message listener'); resolve(); });",
                "other.run('poster', () => port2.postMessage('ping'));"),
        ]);
}
