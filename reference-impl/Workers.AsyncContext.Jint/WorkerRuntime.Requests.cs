using global::Jint;
using global::Jint.Native;
using global::Jint.Native.Object;
using global::Jint.Runtime;
using global::Jint.Runtime.Descriptors;
using global::Jint.Runtime.Interop;

namespace Workers.AsyncContext.Jint;

/// <summary>
/// Requests: env.SELF.fetch dispatches a new request into the module's own fetch handler, as a later macrotask,
/// in a fresh empty frame with a new request identity (OBS-REQUEST-BOUND-1); ctx.waitUntil keeps the run alive.
/// </summary>
internal sealed partial class WorkerRuntime
{
    private ObjectInstance? _handlers;
    private int _requestIds;
    private int _waitUntilPending;

    /// <summary>What fails the test after test() itself settled: an uncaught error in a timer, a rejected waitUntil promise.</summary>
    private JsValue? _testFailure;
    private ObjectInstance _env = null!;
    private ObjectInstance _ctx = null!;

    private void BuildBindings(ObjectInstance handlers)
    {
        _handlers = handlers;
        _env = new JsObject(_engine);
        var self = new JsObject(_engine);
        self.FastSetDataProperty("fetch", new ClrFunction(_engine, "fetch", (_, a) => Fetch(a), 1, PropertyFlag.Configurable));
        _env.FastSetDataProperty("SELF", self);

        _ctx = new JsObject(_engine);
        // As on workerd, waitUntil() without a promise is a TypeError (OBS-UNHANDLED-HANDLER-1 scenarios, features/concurrency/requests.feature).
        _ctx.FastSetDataProperty("waitUntil", new ClrFunction(_engine, "waitUntil", (_, a) => a.Length == 0
            ? throw JsErrors.TypeError(_engine, "waitUntil() requires a promise argument")
            : WaitUntil(a[0]), 1, PropertyFlag.Configurable));
        _ctx.FastSetDataProperty("passThroughOnException", new ClrFunction(_engine, "passThroughOnException", (_, _) => JsValue.Undefined, 0, PropertyFlag.Configurable));
    }

    /// <summary>A frame for a new request: empty stores, a new request identity.</summary>
    private AsyncContextFrame NewRequestFrame(string kind) =>
        // Stryker disable once Update : request ids only make scopes distinct, which -- does as well; scopes compare by reference and the id is printed only by ToString, never called (tests/mutation/equivalent-mutants.md)
        AsyncContextFrame.Empty.WithScope(new RequestScope(++_requestIds, kind));

    private JsValue Fetch(JsValue[] args)
    {
        if (args.Length == 0)
        {
            // As on workerd, fetch() without a URL or Request rejects with a TypeError and dispatches nothing.
            var failed = (ObjectInstance)WebHook("deferred");
            _engine.Call(failed.Get("reject"), JsValue.Undefined, [JsErrors.TypeError(_engine, "fetch() requires a URL or Request").Error]);
            return failed.Get("promise");
        }
        var request = WebHook("newRequest", args[0], args.Length > 1 ? args[1] : JsValue.Undefined);
        var deferred = (ObjectInstance)WebHook("deferred");
        var resolve = deferred.Get("resolve");
        var reject = deferred.Get("reject");
        var callerFrame = _carrier.Current;
        _loop.Enqueue(NewRequestFrame("request"), () =>
        {
            var fetch = _handlers?.Get("fetch") ?? JsValue.Undefined;
            // Stryker disable once Block : unreachable: the handlers are those of driver.mjs, which always exports fetch (tests/mutation/equivalent-mutants.md)
            if (!fetch.IsCallable())
            {
                // Stryker disable once Statement : unreachable: the handlers are those of driver.mjs, which always exports fetch (a program without one throws synchronously from the driver) (tests/mutation/equivalent-mutants.md)
                _engine.Call(reject, JsValue.Undefined, [JsErrors.TypeError(_engine, "Handler does not export a fetch() function.").Error]);
                // Stryker disable once Statement : unreachable, as above (tests/mutation/equivalent-mutants.md)
                return;
            }
            JsValue result;
            try
            {
                result = _engine.Call(fetch, _handlers!, [request, _env, _ctx]);
            }
            catch (JavaScriptException ex)
            {
                _loop.Enqueue(callerFrame, () => _engine.Call(reject, JsValue.Undefined, [ex.Error]));
                return;
            }
            // If the handler throws or rejects, the caller's fetch rejects with the same error (as workerd). The
            // outcome crosses back to the caller as a later macrotask, after the handler's microtask checkpoint
            // (so its unhandled rejections are reported first, as on workerd).
            WhenSettled(result, (ok, value) =>
            {
                if (ok && !TypeConverter.ToBoolean(WebHook("isResponse", value)))
                {
                    value = JsErrors.TypeError(_engine, "Incorrect type for Promise: the Promise did not resolve to 'Response'.").Error;
                    ok = false;
                }
                _loop.Enqueue(callerFrame, () => _engine.Call(ok ? resolve : reject, JsValue.Undefined, [value]));
            });
        });
        return deferred.Get("promise");
    }

    private JsValue WaitUntil(JsValue promise)
    {
        _waitUntilPending++;
        WhenSettled(promise, (ok, value) =>
        {
            _waitUntilPending--;
            if (!ok) _testFailure ??= value; // as workerd test: a rejected waitUntil promise fails the test (TF-13)
        });
        return JsValue.Undefined;
    }

    /// <summary>Calls back when a value (promise or not) settles; handles rejections.</summary>
    private void WhenSettled(JsValue value, Action<bool, JsValue> callback)
    {
        // Stryker disable once String : the name of a host callback handed to web.js whenSettled; no program can reach it (tests/mutation/equivalent-mutants.md)
        var fn = new ClrFunction(_engine, "", (_, a) =>
        {
            callback(TypeConverter.ToBoolean(a[0]), a.Length > 1 ? a[1] : JsValue.Undefined);
            return JsValue.Undefined;
        }, 2, PropertyFlag.Configurable);
        WebHook("whenSettled", value, fn);
    }
}
