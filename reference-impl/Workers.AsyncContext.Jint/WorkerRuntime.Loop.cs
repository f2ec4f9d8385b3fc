using Acornima;
using global::Jint;
using global::Jint.Native;
using global::Jint.Native.Object;
using global::Jint.Runtime;
using global::Jint.Runtime.Modules;
using static System.FormattableString;

namespace Workers.AsyncContext.Jint;

/// <summary>
/// The deterministic event loop: drain microtasks (then, from 2026-03-03, report unhandled rejections and drain
/// again), then run the next macrotask by virtual deadline; stop when the work being waited for settles.
/// </summary>
internal sealed partial class WorkerRuntime
{
    public WorkerRunResult Run()
    {
        try
        {
            return RunCore();
        }
        catch (ExecutionCanceledException)
        {
            return new(WorkerOutcome.Timeout, null, "the worker ran out of wall-clock time");
        }
        catch (OperationCanceledException)
        {
            return new(WorkerOutcome.Timeout, null, "the worker ran out of wall-clock time");
        }
        catch (StatementsCountOverflowException)
        {
            return new(WorkerOutcome.LimitExceeded, nameof(StatementsCountOverflowException), $"statement limit ({_options.MaxStatements}) exceeded");
        }
        catch (MemoryLimitExceededException ex)
        {
            return new(WorkerOutcome.LimitExceeded, nameof(MemoryLimitExceededException), ex.Message);
        }
        catch (RecursionDepthOverflowException)
        {
            // Recursion that uses the stack meets the catchable RangeError long before this cap: what gets here is a chain
            // of strict tail calls (no stack on Jint; a RangeError on workerd), or a cap set below the stack's depth.
            return new(WorkerOutcome.LimitExceeded, nameof(RecursionDepthOverflowException),
                $"a function was active {_options.MaxRecursionDepth} times at once (WorkerHostOptions.MaxRecursionDepth), " +
                "counting strict tail calls, which run without stack on Jint; workerd would throw a catchable RangeError");
        }
        catch (InsufficientExecutionStackException ex)
        {
            // The safety net for the .NET stack running out where no script function is entered, so no RangeError can be
            // raised: the parser on deeply nested source (a module or eval). Ending the run here beats a stack overflow,
            // which would end the whole process.
            return new(WorkerOutcome.LimitExceeded, nameof(InsufficientExecutionStackException),
                $"the .NET stack ran out outside any script function (deeply nested source?), where JavaScript cannot catch it: {ex.Message}");
        }
    }

    private WorkerRunResult RunCore()
    {
        // Load: the entry module's top level runs in the root frame, outside any request.
        var import = FrameScope.RunIn(_carrier, AsyncContextFrame.Empty, (ModuleImportOperation? Import, WorkerRunResult? Error) () =>
        {
            try
            {
                return (_engine.Modules.StartImport(_source.EntryModule), null);
            }
            catch (JavaScriptException ex)
            {
                return (null, new WorkerRunResult(WorkerOutcome.LoadError, JsErrors.TypeName(ex.Error), JsErrors.Message(ex.Error)));
            }
            catch (ParseErrorException ex)
            {
                return (null, new WorkerRunResult(WorkerOutcome.LoadError, "SyntaxError", ex.Message));
            }
        });
        if (import.Error is not null) return import.Error;
        var operation = import.Import!;
        switch (RunUntil(() => operation.IsCompleted))
        {
            case LoopEnd.RanDry:
                return new(WorkerOutcome.NeverSettled, null, "the module's top-level await never settled");
            case LoopEnd.OverBudget:
                return OverBudget("the module's top-level await");
        }
        if (operation.IsFaulted)
        {
            // A faulted import always carries its error; undefined stands in only to satisfy the nullable annotation.
            var error = operation.Error ?? JsValue.Undefined;
            return new(WorkerOutcome.LoadError, JsErrors.TypeName(error), JsErrors.Message(error));
        }

        var handlers = operation.Namespace?.Get("default") as ObjectInstance ?? new JsObject(_engine);
        BuildBindings(handlers);
        if (BuildPlatformBindings(operation.Namespace) is { } bindingError) return bindingError;
        var test = handlers.Get("test");
        if (!test.IsCallable()) return new(WorkerOutcome.Completed, null, null);

        // test() runs as a request of its own (workerd's test handler has its own IoContext).
        bool? testOk = null;
        JsValue testValue = JsValue.Undefined;
        var thrown = FrameScope.RunIn(_carrier, NewRequestFrame("test"), () =>
        {
            try
            {
                var result = _engine.Call(test, handlers, [new JsObject(_engine), _env, _ctx]);
                WhenSettled(result, (ok, value) => { testOk = ok; testValue = value; });
                return null;
            }
            catch (JavaScriptException ex)
            {
                return ex;
            }
        });
        if (thrown is not null) return Failed(thrown.Error);
        switch (RunUntil(() => testOk is not null && _waitUntilPending == 0))
        {
            case LoopEnd.RanDry when testOk is null:
                return new(WorkerOutcome.NeverSettled, null, "test() never settled: the event loop is empty");
            case LoopEnd.RanDry:
                break; // only waitUntil promises left that can never settle
            case LoopEnd.OverBudget:
                return OverBudget(testOk is null ? "test()" : "ctx.waitUntil() work");
        }
        if (testOk != true) return Failed(testValue);
        return _testFailure is null ? new(WorkerOutcome.Completed, null, null) : Failed(_testFailure);
    }

    private static WorkerRunResult Failed(JsValue error) =>
        new(WorkerOutcome.TestFailed, JsErrors.TypeName(error), JsErrors.Message(error));

    /// <summary>How <see cref="RunUntil"/> ended.</summary>
    private enum LoopEnd
    {
        /// <summary>The work waited for settled.</summary>
        Settled,
        /// <summary>Nothing was left to run, so it never will.</summary>
        RanDry,
        /// <summary>The wait went past <see cref="WorkerHostOptions.MaxVirtualTime"/> or <see cref="WorkerHostOptions.MaxMacrotasks"/>.</summary>
        OverBudget,
    }

    /// <summary>Virtual milliseconds and macrotasks the last <see cref="RunUntil"/> spent, for <see cref="OverBudget"/>.</summary>
    private (double VirtualMs, long Macrotasks) _spent;

    /// <summary>
    /// Runs the loop until <paramref name="done"/>. A wait that does not settle ends when the loop runs dry, or, when timers
    /// keep re-arming (<c>setInterval(f, 1)</c>, a <c>setTimeout(tick, 0)</c> that reschedules itself), when it has
    /// advanced the virtual clock by <see cref="WorkerHostOptions.MaxVirtualTime"/> or run
    /// <see cref="WorkerHostOptions.MaxMacrotasks"/> macrotasks: deterministic, and long before the wall clock.
    /// </summary>
    private LoopEnd RunUntil(Func<bool> done)
    {
        var start = _loop.Now;
        var maxVirtualMs = _options.MaxVirtualTime.TotalMilliseconds;
        long ran = 0;
        DrainMicrotasks();
        while (!done())
        {
            _cancellation.ThrowIfCancellationRequested();
            var before = _loop.Now;
            if (!_loop.TryTakeNext(out var task)) return LoopEnd.RanDry;
            if (ran >= _options.MaxMacrotasks || _loop.Now - start > maxVirtualMs)
            {
                // Not run: the clock as the last macrotask left it, unless the virtual budget is what this one broke.
                _spent = (ran >= _options.MaxMacrotasks ? before - start : _loop.Now - start, ran);
                return LoopEnd.OverBudget;
            }
            ran++;
            _hooks.Settle();
            FrameScope.RunIn(_carrier, task.Frame, () =>
            {
                try
                {
                    task.Run();
                }
                catch (JavaScriptException ex)
                {
                    ReportUncaught(ex.Error);
                    _testFailure ??= ex.Error; // as workerd test: an uncaught error in a timer fails the test (TF-13)
                }
            });
            DrainMicrotasks();
        }
        return LoopEnd.Settled;
    }

    /// <summary>The end of a wait that went past its budget: a Timeout saying which budget, and what was pending.</summary>
    private WorkerRunResult OverBudget(string waitingFor)
    {
        var (virtualMs, macrotasks) = _spent;
        var why = virtualMs > _options.MaxVirtualTime.TotalMilliseconds
            ? $"the virtual clock passed {Span(_options.MaxVirtualTime.TotalMilliseconds)} (WorkerHostOptions.MaxVirtualTime) without {waitingFor} settling, after {macrotasks} macrotasks"
            : $"{macrotasks} macrotasks ran (WorkerHostOptions.MaxMacrotasks) without {waitingFor} settling, in {Span(virtualMs)} of virtual time";
        return new(WorkerOutcome.Timeout, null, why + ": a timer re-arms forever");
    }

    /// <summary>Virtual time for a message: "350 ms", "100.001 s", "24 h".</summary>
    private static string Span(double ms) =>
        ms >= 3_600_000 ? Invariant($"{ms / 3_600_000:0.###} h") : ms >= 1000 ? Invariant($"{ms / 1000:0.###} s") : Invariant($"{ms:0.###} ms");

    /// <summary>
    /// The microtask checkpoint. Jobs run from the root frame; each job enters its own captured frame. From
    /// compatibility date 2026-03-03 unhandled rejections are reported after the checkpoint (OBS-REJECTION-TIMING-1).
    /// </summary>
    private void DrainMicrotasks()
    {
        while (true)
        {
            _hooks.Settle();
            FrameScope.RunIn(_carrier, AsyncContextFrame.Empty, () =>
            {
                _engine.Advanced.ProcessTasks();
                _hooks.Settle();
            });
            if (!(_tracker.ReportsAfterCheckpoint && _tracker.HasPending)) return;
            FrameScope.RunIn(_carrier, AsyncContextFrame.Empty, _tracker.ReportPending);
        }
    }
}
