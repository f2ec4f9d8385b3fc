using Conformance.Matrix.Model;
using static Conformance.Matrix.Data.FrameReasons;

namespace Conformance.Matrix.Data;

/// <summary>Discriminating rows (issue 19, item 2) of the scheduling families: generators, timers, events, rejection reports, error events, messages.</summary>
public static class SchedulingFrameRows
{
    private static readonly MergedFrame BodyGivenAtCreation =
        new(CandidateFrame.Registration, CandidateFrame.Creation, "a generator's body is given to it when the generator object is made");

    public static FrameFamily Iteration { get; } = new(SchedulingFamilies.Iteration,
    [
        new("the body of a sync generator", "(function* () { callback(); yield 1; })()", "", "object.next()", "args.length", [BodyGivenAtCreation]),
        new("the body of an async generator after its first await", "(async function* () { await null; callback(); yield 1; })()", "",
            "object.next()", "args.length", [BodyGivenAtCreation]),
    ]);

    public static FrameFamily Timers { get; } = new(SchedulingFamilies.Timers,
    [
        new("a setTimeout callback", "null", "setTimeout(callback, 1)", "", "who(this), args.length",
            [MadeWithCallback("setTimeout"), TimerFires(CandidateFrame.Registration)]),
        new("a setInterval callback", "null", "const id = setInterval(callback, 1); stop = () => clearInterval(id)", "", "who(this), args.length",
            [MadeWithCallback("setInterval"), TimerFires(CandidateFrame.Registration)]),
        new("a then handler of scheduler.wait", "scheduler.wait(1)", "object.then(callback)", "", "who(this), args[0]",
            [TimerFires(CandidateFrame.Creation)]),
        new("a queueMicrotask callback", "null", "queueMicrotask(callback)", "", "who(this), args.length",
        [
            MadeWithCallback("queueMicrotask"),
            new(CandidateFrame.Trigger, CandidateFrame.Registration, "the microtask runs at the next checkpoint: no call of the program triggers it"),
        ]),
    ]);

    public static FrameFamily Events { get; } = new(SchedulingFamilies.Events,
    [
        new("an EventTarget listener", "new EventTarget()", "object.addEventListener('ping', callback)",
            "object.dispatchEvent(new Event('ping'))", "who(this, object), args[0].type, args[0].target === object"),
        new("an AbortSignal abort listener", "new AbortController()", "object.signal.addEventListener('abort', callback)",
            "object.abort()", "who(this, object.signal), args[0].type"),
        new("AbortSignal onabort", "new AbortController()", "object.signal.onabort = callback", "object.abort()",
            "who(this, object.signal), args[0].type"),
        new("an abort listener of AbortSignal.any",
            "(() => { const controller = new AbortController(); return { controller, signal: AbortSignal.any([controller.signal]) }; })()",
            "object.signal.addEventListener('abort', callback)", "object.controller.abort()", "who(this, object.signal), args[0].type"),
        // The 30 ms timer keeps the event loop alive where the signal's own timer does not (Node, Bun), so every target
        // reaches the abort; it is made in the creation step, so it names no other frame.
        new("an abort listener of AbortSignal.timeout", "(setTimeout(() => {}, 30), AbortSignal.timeout(20))",
            "object.addEventListener('abort', callback)", "", "who(this, object), args[0].type", [TimerFires(CandidateFrame.Creation)]),
    ]);

    public static FrameFamily Rejections { get; } = new(SchedulingFamilies.Rejections,
    [
        new("an unhandledrejection listener", "deferred()", "addEventListener('unhandledrejection', callback)",
            "object.reject(new Error('x'))", "who(this), args[0].type, args[0].promise === object.promise, args[0].reason.message"),
    ]);

    /// <summary>
    /// The promise is rejected (and reported, to a listener added with it) in the creation step; the late catch is the
    /// trigger.
    /// </summary>
    public static FrameFamily LateHandlers { get; } = new(RejectionHandledFamilies.LateHandlers,
    [
        new("a rejectionhandled listener",
            "(() => { addEventListener('unhandledrejection', () => {}); const d = deferred(); d.reject(new Error('x')); return d; })()",
            "addEventListener('rejectionhandled', callback)", "object.promise.catch(() => {})",
            "who(this), args[0].type, args[0].promise === object.promise"),
    ]);

    public static FrameFamily Errors { get; } = new(SchedulingFamilies.Errors,
    [
        new("an error event listener of a throw in a microtask", "null", "addEventListener('error', callback)",
            "queueMicrotask(() => { null.x; })", "who(this), args[0].type, args[0].error.name", [ThrowMakesTheEvent]),
    ]);

    public static FrameFamily Messages { get; } = new(SchedulingFamilies.Messages,
    [
        new("MessagePort onmessage", "new MessageChannel()", "object.port1.onmessage = callback", "object.port2.postMessage('ping')",
            "who(this, object.port1), args[0].type, args[0].data"),
        new("a MessagePort message listener", "new MessageChannel()", "object.port1.addEventListener('message', callback); object.port1.start()",
            "object.port2.postMessage('ping')", "who(this, object.port1), args[0].type, args[0].data"),
    ]);

    public static FrameFamily NodeScheduling { get; } = new(NodeFamilies.Scheduling,
    [
        new("a setImmediate callback", "null", "setImmediate(callback)", "", "who(this), args.length",
            [MadeWithCallback("setImmediate"), TimerFires(CandidateFrame.Registration)]),
        new("a process.nextTick callback", "null", "process.nextTick(callback)", "", "who(this), args.length",
        [
            MadeWithCallback("process.nextTick"),
            new(CandidateFrame.Trigger, CandidateFrame.Registration, "the tick runs at the next checkpoint: no call of the program triggers it"),
        ]),
        new("a then handler of setTimeout of node:timers/promises", "sleep(1, 'v')", "object.then(callback)", "", "who(this), args[0]",
            [TimerFires(CandidateFrame.Creation)]),
        new("a then handler of setImmediate of node:timers/promises", "immediate('v')", "object.then(callback)", "", "who(this), args[0]",
            [TimerFires(CandidateFrame.Creation)]),
    ],
    TopLevel:
    [
        "import process from 'node:process';",
        "import { setTimeout as sleep, setImmediate as immediate } from 'node:timers/promises';",
    ]);
}
