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
        _ctx.FastSetDataProperty("waitUntil", new ClrFunction(_engine, "waitUntil", (_, a) => WaitUntil(a.Length > 0 ? a[0] : JsValue.Undefined), 1, PropertyFlag.Configurable));
        _ctx.FastSetDataProperty("passThroughOnException", new ClrFunction(_engine, "passThroughOnException", (_, _) => JsValue.Undefined, 0, PropertyFlag.Configurable));
    }

    /// <summary>A frame for a new request: empty stores, a new request identity.</summary>
    private AsyncContextFrame NewRequestFrame(string kind) =>
        AsyncContextFrame.Empty.WithScope(new RequestScope(++_requestIds, kind));

    private JsValue Fetch(JsValue[] args)
    {
        var request = WebHook("newRequest", args.Length > 0 ? args[0] : JsValue.Undefined, args.Length > 1 ? args[1] : JsValue.Undefined);
        var deferred = (ObjectInstance)WebHook("deferred");
        var resolve = deferred.Get("resolve");
        var reject = deferred.Get("reject");
        var callerFrame = _carrier.Current;
        _loop.Enqueue(NewRequestFrame("request"), () =>
        {
            var fetch = _handlers?.Get("fetch") ?? JsValue.Undefined;
            if (!fetch.IsCallable())
            {
                _engine.Call(reject, JsValue.Undefined, [JsErrors.TypeError(_engine, "Handler does not export a fetch() function.").Error]);
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
        WhenSettled(promise, (_, _) => _waitUntilPending--);
        return JsValue.Undefined;
    }

    /// <summary>Calls back when a value (promise or not) settles; handles rejections.</summary>
    private void WhenSettled(JsValue value, Action<bool, JsValue> callback)
    {
        var fn = new ClrFunction(_engine, "", (_, a) =>
        {
            callback(TypeConverter.ToBoolean(a[0]), a.Length > 1 ? a[1] : JsValue.Undefined);
            return JsValue.Undefined;
        }, 2, PropertyFlag.Configurable);
        WebHook("whenSettled", value, fn);
    }
}
