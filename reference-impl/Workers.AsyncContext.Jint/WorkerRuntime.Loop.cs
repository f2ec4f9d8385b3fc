using Acornima;
using global::Jint;
using global::Jint.Native;
using global::Jint.Native.Object;
using global::Jint.Runtime;

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
            return new(WorkerOutcome.LimitExceeded, nameof(RecursionDepthOverflowException), $"recursion depth limit ({_options.MaxRecursionDepth}) exceeded");
        }
        catch (InsufficientExecutionStackException ex)
        {
            return new(WorkerOutcome.LimitExceeded, nameof(InsufficientExecutionStackException), ex.Message);
        }
    }

    private WorkerRunResult RunCore()
    {
        // Load: the entry module's top level runs in the root frame, outside any request.
        var import = FrameScope.RunIn(_carrier, AsyncContextFrame.Empty, () =>
        {
            try
            {
                return (Import: _engine.Modules.StartImport(_source.EntryModule), Error: (WorkerRunResult?)null);
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
        if (!RunUntil(() => operation.IsCompleted))
        {
            return new(WorkerOutcome.NeverSettled, null, "the module's top-level await never settled");
        }
        if (operation.IsFaulted)
        {
            return new(WorkerOutcome.LoadError, JsErrors.TypeName(operation.Error), JsErrors.Message(operation.Error));
        }

        var handlers = operation.Namespace.Get("default") as ObjectInstance ?? new JsObject(_engine);
        BuildBindings(handlers);
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
        if (!RunUntil(() => testOk is not null && _waitUntilPending == 0))
        {
            return testOk is null
                ? new(WorkerOutcome.NeverSettled, null, "test() never settled: the event loop is empty")
                : new(WorkerOutcome.Completed, null, null); // only waitUntil promises left that can never settle
        }
        return testOk == true ? new(WorkerOutcome.Completed, null, null) : Failed(testValue);
    }

    private static WorkerRunResult Failed(JsValue error) =>
        new(WorkerOutcome.TestFailed, JsErrors.TypeName(error), JsErrors.Message(error));

    /// <summary>Runs the loop until <paramref name="done"/>; false when the loop ran dry first.</summary>
    private bool RunUntil(Func<bool> done)
    {
        DrainMicrotasks();
        while (!done())
        {
            _cancellation.ThrowIfCancellationRequested();
            if (!_loop.TryTakeNext(out var task)) return false;
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
                }
            });
            DrainMicrotasks();
        }
        return true;
    }

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
