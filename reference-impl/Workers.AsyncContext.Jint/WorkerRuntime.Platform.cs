using System.Security.Cryptography;
using global::Jint;
using global::Jint.Native;
using global::Jint.Native.Object;
using global::Jint.Runtime;
using global::Jint.Runtime.Descriptors;
using global::Jint.Runtime.Interop;

namespace Workers.AsyncContext.Jint;

/// <summary>
/// The Workers platform's boundaries (issue 20, item 4): the host half of Js/platform-rpc.js and Js/platform-web.js
/// (H.dispatch, H.platformTimer, H.digest, H.hmac), the <c>cloudflare:workers</c> module, and the declared Durable Object
/// namespaces and entrypoints bound on <c>env</c> (<see cref="WorkerHostOptions.PlatformBindings"/>), and <c>caches</c> when the
/// module is its own Cache API backend (<see cref="WorkerHostOptions.CacheBackend"/>, Js/platform-cache.js).
/// </summary>
internal sealed partial class WorkerRuntime
{
    private ObjectInstance _platform = null!;

    /// <summary>The request scope of each Durable Object, by binding and name: its calls share it (OBS-BOUNDARY-DO-CAPTURE-1).</summary>
    private readonly Dictionary<string, RequestScope> _objectScopes = new(StringComparer.Ordinal);

    private void AddPlatformHostFunctions(ObjectInstance h)
    {
        void Fn(string name, Func<JsValue[], JsValue> body) =>
            h.FastSetDataProperty(name, new ClrFunction(_engine, name, (_, a) => body(a), 0, PropertyFlag.Configurable));
        static JsValue Arg(JsValue[] a, int i) => i < a.Length ? a[i] : JsValue.Undefined;

        Fn("dispatch", a =>
        {
            var frame = BoundaryFrame(Arg(a, 0).ToString());
            var callback = Arg(a, 1);
            _loop.Enqueue(frame, () => CallReported(callback));
            return JsValue.Undefined;
        });
        Fn("platformTimer", a =>
        {
            var frame = BoundaryFrame(Arg(a, 1).ToString());
            var callback = Arg(a, 2);
            return _loop.AddTimer(TypeConverter.ToNumber(Arg(a, 0)), false, frame, () => CallReported(callback));
        });
        Fn("digest", a => Bytes(Arg(a, 0).ToString() switch
        {
            "SHA-1" => SHA1.HashData(ToBytes(Arg(a, 1))),
            "SHA-256" => SHA256.HashData(ToBytes(Arg(a, 1))),
            "SHA-384" => SHA384.HashData(ToBytes(Arg(a, 1))),
            "SHA-512" => SHA512.HashData(ToBytes(Arg(a, 1))),
            var other => throw JsErrors.TypeError(_engine, $"Unrecognized name: {other}"),
        }));
        Fn("hmac", a => Bytes(Arg(a, 0).ToString() switch
        {
            "SHA-256" => HMACSHA256.HashData(ToBytes(Arg(a, 1)), ToBytes(Arg(a, 2))),
            "SHA-384" => HMACSHA384.HashData(ToBytes(Arg(a, 1)), ToBytes(Arg(a, 2))),
            "SHA-512" => HMACSHA512.HashData(ToBytes(Arg(a, 1)), ToBytes(Arg(a, 2))),
            var other => throw JsErrors.TypeError(_engine, $"Unrecognized hash: {other}"),
        }));
    }

    /// <summary>An empty frame across a boundary: the named Durable Object's scope, or ('') a fresh request's.</summary>
    private AsyncContextFrame BoundaryFrame(string scope)
    {
        if (scope.Length == 0) return NewRequestFrame("rpc");
        if (!_objectScopes.TryGetValue(scope, out var request)) _objectScopes[scope] = request = new RequestScope(++_requestIds, "object " + scope);
        return AsyncContextFrame.Empty.WithScope(request);
    }

    /// <summary>Calls a platform callback; an error it throws is reported as uncaught, as workerd does, and the run goes on.</summary>
    private void CallReported(JsValue callback)
    {
        try
        {
            _engine.Call(callback, JsValue.Undefined, Array.Empty<JsValue>());
        }
        catch (JavaScriptException ex)
        {
            ReportUncaught(ex.Error);
        }
    }

    private static byte[] ToBytes(JsValue array) =>
        array is JsArray items ? [.. Enumerable.Range(0, (int)items.Length).Select(i => (byte)TypeConverter.ToNumber(items.Get(i)))] : [];

    private JsArray Bytes(byte[] bytes) => new(_engine, [.. bytes.Select(b => (JsValue)(int)b)]);

    /// <summary><c>cloudflare:workers</c>: the base classes the program's declared classes extend.</summary>
    private void AddPlatformModule() =>
        _engine.Modules.Add("cloudflare:workers", builder =>
        {
            foreach (var name in new[] { "DurableObject", "WorkerEntrypoint", "RpcTarget" }) builder.ExportValue(name, _platform.Get(name));
        });

    /// <summary>Binds each declared class on env; a class the entry module does not export is a load error, as on workerd.</summary>
    private WorkerRunResult? BuildPlatformBindings(ObjectInstance? module)
    {
        // The module's own fetch handler as the Cache API's backend, reached as env.SELF.fetch reaches it (OBS-BOUNDARY-CACHE-1).
        if (_options.ExtraHandlers)
        {
            var extra = (ObjectInstance)_engine.Call(_platform.Get("extraHandlers"), JsValue.Undefined, [_handlers ?? JsValue.Undefined, _env, _ctx]);
            var self = (ObjectInstance)_env.Get("SELF");
            foreach (var name in new[] { "scheduled", "queue" }) self.FastSetDataProperty(name, extra.Get(name));
        }
        if (_options.QueueBroker is { } queue)
            _env.FastSetDataProperty(queue, _engine.Call(_platform.Get("queueProducer"), JsValue.Undefined, [((ObjectInstance)_env.Get("SELF")).Get("fetch")]));
        if (_options.CacheBackend) _engine.Call(_platform.Get("installCaches"), JsValue.Undefined, [((ObjectInstance)_env.Get("SELF")).Get("fetch")]);
        foreach (var binding in _options.PlatformBindings)
        {
            var cls = module?.Get(binding.ClassName) ?? JsValue.Undefined;
            if (!cls.IsConstructor())
                return new(WorkerOutcome.LoadError, "TypeError", $"the entry module exports no class {binding.ClassName} for binding {binding.Binding}");
            var value = binding.DurableObject
                ? _engine.Call(_platform.Get("namespace"), JsValue.Undefined, [cls, binding.Binding, _env])
                : _engine.Call(_platform.Get("entrypoint"), JsValue.Undefined, [cls, _env]);
            _env.FastSetDataProperty(binding.Binding, value);
        }
        return null;
    }
}
