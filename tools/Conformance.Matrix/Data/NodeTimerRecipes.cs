using Conformance.Matrix.Model;
using static Conformance.Matrix.Data.FrameReasons;
using static Conformance.Matrix.Data.SourceFrameReasons;

namespace Conformance.Matrix.Data;

/// <summary>Recipes (issue 19, item 2) for the async sources of node:timers/promises, node:timers and node:process.</summary>
public static class NodeTimerRecipes
{
    private const string Reactions = "the reactions of the returned promise";

    public static SourceRecipes TimersPromises { get; } = new("node:timers/promises", "node-timers-promises", "Promise timers",
    [
        new("setTimeout", Reactions, "timers/promises setTimeout, its promise then", "timersPromises.setTimeout(1, 'value')",
            "object.then(callback)", "", "who(this), args[0]", [CallStartsThePromise]),
        new("setImmediate", Reactions, "timers/promises setImmediate, its promise then", "timersPromises.setImmediate('value')",
            "object.then(callback)", "", "who(this), args[0]", [CallStartsThePromise]),
        new("setInterval", "the reactions of each next()", "timers/promises setInterval, the then of its iterator next",
            "timersPromises.setInterval(1, 'value')", "stop = () => object.return(); object.next().then(callback)", "",
            "who(this), args[0].value", [NextAsksAndRegisters]),
        new("(prototype of scheduler).constructor.prototype.wait", Reactions, "timers/promises scheduler.wait, its promise then",
            "timersPromises.scheduler.wait(1)", "object.then(callback)", "", "who(this), args[0]", [CallStartsThePromise]),
        new("(prototype of scheduler).constructor.prototype.yield", Reactions, "timers/promises scheduler.yield, its promise then",
            "timersPromises.scheduler.yield()", "object.then(callback)", "", "who(this), args[0]", [CallStartsThePromise]),
    ], ["import * as timersPromises from 'node:timers/promises';"]);

    public static SourceRecipes Timers { get; } = new("node:timers", "node-timers", "node:timers",
    [
        new("Timeout.prototype.refresh", "the timer's callback", "timers setTimeout refreshed, its callback",
            "null", "object = timers.setTimeout(callback, 20)", "object.refresh()", "who(this, object), args.length",
            [MadeWhenRegistered("timers.setTimeout")]),
        new("setImmediate", "the function passed", "timers setImmediate, its callback", "null", "timers.setImmediate(callback)", "",
            "who(this), args.length", [MadeWhenRegistered("timers.setImmediate"), TimerFires(CandidateFrame.Registration)]),
    ], ["import * as timers from 'node:timers';"]);

    public static SourceRecipes Process { get; } = new("node:process", "node-process", "node:process",
    [
        new("nextTick", "the function passed", "process.nextTick, its callback", "null", "process.nextTick(callback)", "",
            "who(this), args.length", [MadeWhenRegistered("process.nextTick"), RunsAtTheCheckpoint]),
        new("emitWarning", "process's 'warning' listeners", "process.emitWarning, a warning listener", "null",
            "process.on('warning', callback); stop = () => process.off('warning', callback)", "process.emitWarning('careful')",
            "who(this, process), args[0].message", [MadeBeforeAnyFrame("process")]),
    ], ["import process from 'node:process';"]);
}
