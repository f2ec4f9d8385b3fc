using Conformance.Matrix.Model;
using static Conformance.Matrix.Data.FrameReasons;
using static Conformance.Matrix.Data.SourceFrameReasons;

namespace Conformance.Matrix.Data;

/// <summary>Recipes (issue 19, item 2) for the global scope's timers and events, EventTarget (a handleEvent object too),
/// AbortController and AbortSignal, and MessagePort.</summary>
public static class GlobalEventRecipes
{
    private const string Listener = "the listener";
    private const string Dispatched = "the target's listeners";
    private static readonly MergedFrame GlobalScope = MadeBeforeAnyFrame("the global scope");

    public static SourceRecipes GlobalScopeSources { get; } = new("globals", "global-scope", "The global scope's timers and events",
    [
        new("setTimeout", "the function passed", "global setTimeout, its callback", "null", "setTimeout(callback, 1)", "",
            "who(this), args.length", [MadeWhenRegistered("setTimeout"), TimerFires(CandidateFrame.Registration)]),
        new("setInterval", "the function passed", "global setInterval, its callback", "null",
            "const id = setInterval(callback, 1); stop = () => clearInterval(id)", "", "who(this), args.length",
            [MadeWhenRegistered("setInterval"), TimerFires(CandidateFrame.Registration)]),
        new("setImmediate", "the function passed", "global setImmediate, its callback", "null", "setImmediate(callback)", "",
            "who(this), args.length", [MadeWhenRegistered("setImmediate"), TimerFires(CandidateFrame.Registration)]),
        new("queueMicrotask", "the function passed", "global queueMicrotask, its callback", "null", "queueMicrotask(callback)", "",
            "who(this), args.length", [MadeWhenRegistered("queueMicrotask"), RunsAtTheCheckpoint]),
        new("(prototype of scheduler).constructor.prototype.wait", "the reactions of the returned promise", "global scheduler.wait, its promise then",
            "scheduler.wait(1)", "object.then(callback)", "", "who(this), args[0]", [CallStartsThePromise]),
        new("addEventListener", Listener, "global addEventListener, the listener of a dispatched event", "null",
            "addEventListener('ping', callback); stop = () => removeEventListener('ping', callback)", "dispatchEvent(new Event('ping'))",
            "who(this), args[0].type", [GlobalScope]),
        new("addEventListener", Listener, "global addEventListener, the error event of a throwing listener",
            "Object.assign(new EventTarget(), { fail() { throw new Error('thrown by a listener'); } })",
            "addEventListener('error', callback); stop = () => removeEventListener('error', callback)",
            "object.addEventListener('ping', object.fail); object.dispatchEvent(new Event('ping'))",
            "who(this), args[0].type, args[0].error && args[0].error.message"),
        new("dispatchEvent", Dispatched, "global dispatchEvent, a listener it reaches", "null",
            "addEventListener('pong', callback); stop = () => removeEventListener('pong', callback)", "dispatchEvent(new Event('pong'))",
            "who(this), args[0].type", [GlobalScope]),
        new("reportError", "the global scope's error listeners", "global reportError, an error listener", "null",
            "addEventListener('error', callback); stop = () => removeEventListener('error', callback)",
            "reportError(new Error('reported'))", "who(this), args[0].type, args[0].error && args[0].error.message", [GlobalScope]),
    ]);

    public static SourceRecipes EventTargets { get; } = new("globals", "event-target", "EventTarget",
    [
        new("EventTarget.prototype.addEventListener", Listener, "EventTarget addEventListener, a listener function", "new EventTarget()",
            "object.addEventListener('ping', callback)", "object.dispatchEvent(new Event('ping'))",
            "who(this, object), args[0].type, args[0].target === object, args[0].currentTarget === object"),
        new("EventTarget.prototype.addEventListener", Listener, "EventTarget addEventListener, a handleEvent object", "new EventTarget()",
            "object.handler = { handleEvent: callback }; object.addEventListener('ping', object.handler)",
            "object.dispatchEvent(new Event('ping'))", "who(this, object.handler), args[0].type, args[0].target === object"),
        new("EventTarget.prototype.dispatchEvent", Dispatched, "EventTarget dispatchEvent, a listener it reaches", "new EventTarget()",
            "object.addEventListener('pong', callback)", "object.dispatchEvent(new Event('pong'))", "who(this, object), args[0].type"),
    ]);

    public static SourceRecipes Abort { get; } = new("globals", "abort", "AbortController and AbortSignal",
    [
        new("AbortController.prototype.abort", "the signal's abort listeners", "AbortController abort, an abort listener", "new AbortController()",
            "object.signal.addEventListener('abort', callback)", "object.abort('why')",
            "who(this, object.signal), args[0].type, object.signal.reason"),
        new("AbortSignal.any", "the returned signal's abort listeners", "AbortSignal.any, an abort listener of the signal it returns",
            "(() => { const controller = new AbortController(); return { controller, signal: AbortSignal.any([controller.signal]) }; })()",
            "object.signal.addEventListener('abort', callback)", "object.controller.abort('why')",
            "who(this, object.signal), args[0].type, object.signal.reason"),
        // Node's timeout timer is unref'd: without a timer of the program's own past it (the trigger's wait, which triggers
        // nothing) Node's loop could run dry first, and the row would time out or not by chance.
        new("AbortSignal.timeout", "the returned signal's abort listeners", "AbortSignal.timeout, an abort listener", "AbortSignal.timeout(20)",
            "object.addEventListener('abort', callback)", "await scheduler.wait(60)", "who(this, object), args[0].type, object.reason.name", [TimerStartedAtCreation]),
        new("AbortSignal.prototype.onabort", "the function assigned", "AbortSignal onabort", "new AbortController()",
            "object.signal.onabort = callback", "object.abort('why')", "who(this, object.signal), args[0].type"),
    ]);

    private const string Channel = "new MessageChannel()";
    private const string ClosePorts = "stop = () => { object.port1.close(); object.port2.close(); }";

    public static SourceRecipes MessagePorts { get; } = new("globals", "message-port", "MessagePort",
    [
        new("MessagePort.prototype.postMessage", "the other port's message listeners", "MessagePort postMessage, a message listener of the other port",
            Channel, $"object.port2.addEventListener('message', callback); object.port2.start(); {ClosePorts}",
            "object.port1.postMessage('hello')", "who(this, object.port2), args[0].type, args[0].data"),
        new("MessagePort.prototype.onmessage", "the function assigned", "MessagePort onmessage", Channel,
            $"object.port2.onmessage = callback; {ClosePorts}", "object.port1.postMessage('hello')",
            "who(this, object.port2), args[0].type, args[0].data"),
        // The message is posted in run('creation'), so the frame of the postMessage call is not the listener's nor start's.
        new("MessagePort.prototype.start", "the port's message listeners", "MessagePort start, a listener of a message posted at creation",
            "(() => { const channel = new MessageChannel(); channel.port1.postMessage('hello'); return channel; })()",
            $"object.port2.addEventListener('message', callback); {ClosePorts}",
            "object.port2.start()", "who(this, object.port2), args[0].type, args[0].data"),
    ]);
}
