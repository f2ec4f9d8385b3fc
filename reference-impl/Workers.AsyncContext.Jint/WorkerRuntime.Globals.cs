using global::Jint;
using global::Jint.Native;
using global::Jint.Native.Object;
using global::Jint.Runtime;
using global::Jint.Runtime.Descriptors;
using global::Jint.Runtime.Interop;

namespace Workers.AsyncContext.Jint;

/// <summary>The native binding H behind the Js/ web globals (WebGlobals.Parts): console sinks, timers, microtasks, scheduler.wait, error reports.</summary>
internal sealed partial class WorkerRuntime
{
    private ObjectInstance BuildHostBinding()
    {
        var h = new JsObject(_engine);
        void Fn(string name, Func<JsValue, JsValue[], JsValue> body) =>
            h.FastSetDataProperty(name, new ClrFunction(_engine, name, body, 0, PropertyFlag.Configurable));
        static JsValue Arg(JsValue[] a, int i) => i < a.Length ? a[i] : JsValue.Undefined;

        Fn("stdout", (_, a) => { Stdout(Arg(a, 0).ToString()); return JsValue.Undefined; });
        // Stryker disable once Statement,String,Block : H.stderr only backs Js/console.js console.warn/error, which trace.mjs replaces before any program runs; standard error is not part of the trace (TF-1) (tests/mutation/equivalent-mutants.md)
        Fn("stderr", (_, a) => { Stderr(Arg(a, 0).ToString()); return JsValue.Undefined; });
        Fn("addTimer", (_, a) => AddTimer(Arg(a, 0), TypeConverter.ToNumber(Arg(a, 1)), Arg(a, 2), TypeConverter.ToBoolean(Arg(a, 3))));
        Fn("clearTimer", (_, a) => { _loop.Clear((int)TypeConverter.ToNumber(Arg(a, 0))); return JsValue.Undefined; });
        Fn("queueMicrotask", (_, a) => { QueueMicrotask(Arg(a, 0)); return JsValue.Undefined; });
        Fn("wait", (_, a) => Wait(TypeConverter.ToNumber(Arg(a, 0))));
        Fn("addRootTimer", (_, a) => AddRootTimer(Arg(a, 0), TypeConverter.ToNumber(Arg(a, 1))));
        Fn("reportUncaught", (_, a) =>
        {
            // Stryker disable once Statement : the report goes to standard error only, not part of the trace (TF-1); the binding itself is checked by a scenario (tests/mutation/equivalent-mutants.md)
            ReportUncaught(Arg(a, 0));
            return JsValue.Undefined;
        });
        AddPlatformHostFunctions(h);
        return h;
    }

    /// <summary>
    /// setTimeout/setInterval/setImmediate: the callback runs in the frame current now (OBS-TIMER-FRAME-1, ALS-RUN-3), with
    /// <c>this</c> = globalThis, as on workerd (OBS-MATRIX-THIS-1).
    /// </summary>
    private JsValue AddTimer(JsValue callback, double ms, JsValue args, bool repeat)
    {
        var argv = args is JsArray array ? array.ToArray() : Array.Empty<JsValue>();
        return _loop.AddTimer(ms, repeat, _carrier.Current, () => _engine.Call(callback, _engine.Global, argv));
    }

    /// <summary>
    /// A one-shot host timer (AbortSignal.timeout) that, as on workerd, fires with no stores: not the frame current
    /// at registration (observed: the 'abort' listener of AbortSignal.timeout sees an empty store). The request
    /// identity is kept, the timer belonging to the same request.
    /// </summary>
    private JsValue AddRootTimer(JsValue callback, double ms) =>
        // Stryker disable once Boolean : a re-armed AbortSignal.timeout timer calls abortSignal again, which returns at once for an aborted signal; the loop stops when the test and waitUntil work are done (tests/mutation/equivalent-mutants.md)
        _loop.AddTimer(ms, false, AsyncContextFrame.Empty.WithScope(_carrier.Current.Scope), () => _engine.Call(callback, JsValue.Undefined, Array.Empty<JsValue>()));

    /// <summary>scheduler.wait(ms): a promise fulfilled after ms virtual milliseconds (ALS-RUN-3).</summary>
    private JsValue Wait(double ms)
    {
        var deferred = (ObjectInstance)WebHook("deferred");
        var resolve = deferred.Get("resolve");
        // Stryker disable once Boolean : a re-armed scheduler.wait timer resolves an already resolved promise, a no-op; the loop stops when the test and waitUntil work are done (tests/mutation/equivalent-mutants.md)
        _loop.AddTimer(ms, false, _carrier.Current, () => _engine.Call(resolve, JsValue.Undefined, [JsValue.Undefined]));
        return deferred.Get("promise");
    }

    /// <summary>queueMicrotask: runs in the frame current now (ALS-RUN-3); a throw fires the global `error` event, not propagated.</summary>
    private void QueueMicrotask(JsValue callback) =>
        QueueHostMicrotask(() => _engine.Call(callback, JsValue.Undefined, Array.Empty<JsValue>()));

    /// <summary>Queues host work on the microtask queue, in the frame current now.</summary>
    private void QueueHostMicrotask(Action work)
    {
        var frame = _carrier.Current;
        // Stryker disable once String : the name of a host job function handed to the original then; no program can reach it (tests/mutation/equivalent-mutants.md)
        var job = new ClrFunction(_engine, "", (_, _) =>
        {
            FrameScope.RunIn(_carrier, frame, () =>
            {
                try
                {
                    work();
                }
                catch (JavaScriptException ex)
                {
                    // Reported, then dispatched as the global `error` event in this frame (OBS-MATRIX-ERROR-EVENT-1).
                    WebHook("reportException", ex.Error);
                }
            });
            return JsValue.Undefined;
        }, 0, PropertyFlag.Configurable);
        _engine.Call(_originalThen, _resolvedPromise, [job]);
    }
}
