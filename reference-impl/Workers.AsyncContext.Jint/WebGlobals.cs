using global::Jint;
using global::Jint.Native;
using global::Jint.Native.Object;

namespace Workers.AsyncContext.Jint;

/// <summary>
/// Installs the Web-platform globals from Js/, one file per concern, in dependency order: each file is a function of the
/// native binding H (WorkerRuntime.Globals.cs) and a shared object it adds what it provides to; the last, web.js, puts
/// the globals on globalThis and returns the host's private hooks.
/// </summary>
internal static class WebGlobals
{
    public static readonly string[] Parts =
        ["console.js", "events.js", "abort.js", "global-scope.js", "error-event.js", "fetch-api.js", "url.js", "timers.js", "immediate.js", "process.js", "message-channel.js",
         "streams-queue.js", "streams-bytes.js", "streams-readable.js", "streams-writable.js", "streams-transform.js", "streams-pipe.js", "streams-tee.js",
         "platform-rpc.js", "platform-cache.js", "platform-queue.js", "platform-web.js", "web.js"];

    /// <returns>web.js's hooks (dispatchPromiseEvent, listenerCount, isResponse, newRequest, describeError, deferred, whenSettled);
    /// <paramref name="platform"/> is platform-rpc.js's object (the cloudflare:workers classes, namespace and entrypoint bindings).</returns>
    public static ObjectInstance Install(Engine engine, JsValue host, out ObjectInstance platform)
    {
        var shared = new JsObject(engine);
        JsValue hooks = JsValue.Undefined;
        foreach (var part in Parts)
        {
            var factory = engine.Evaluate(JsResources.Read(part), "workers:" + part);
            hooks = engine.Call(factory, JsValue.Undefined, [host, shared]);
        }
        platform = (ObjectInstance)shared.Get("platform");
        return (ObjectInstance)hooks;
    }
}
