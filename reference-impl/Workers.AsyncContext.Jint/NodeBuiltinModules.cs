using global::Jint;
using global::Jint.Native;
using global::Jint.Native.Object;

namespace Workers.AsyncContext.Jint;

/// <summary>
/// The node: modules other than node:async_hooks (NodeAsyncHooksBinding.cs), each a Js/ factory of globalThis and of
/// node:async_hooks' exports, evaluated once after the web globals, its own properties the module's exports (a <c>default</c> property is the default
/// export; otherwise the exports object is). Registered as node:async_hooks is, with <c>engine.Modules.Add</c>.
/// </summary>
internal static class NodeBuiltinModules
{
    private static readonly (string Specifier, string File)[] Modules =
    [
        ("node:process", "node-process.js"),
        ("node:timers/promises", "node-timers-promises.js"),
        ("node:events", "node-events.js"),
        ("node:timers", "node-timers.js"),
    ];

    public static void Add(Engine engine, ObjectInstance asyncHooks)
    {
        foreach (var (specifier, file) in Modules)
        {
            var factory = engine.Evaluate(JsResources.Read(file), specifier);
            var exports = (ObjectInstance)engine.Call(factory, JsValue.Undefined, [engine.Global, asyncHooks]);
            engine.Modules.Add(specifier, builder =>
            {
                var hasDefault = false;
                foreach (var key in exports.GetOwnPropertyKeys())
                {
                    if (!key.IsString()) continue;
                    hasDefault |= key.ToString() == "default";
                    builder.ExportValue(key.ToString(), exports.Get(key));
                }
                if (!hasDefault) builder.ExportValue("default", exports);
            });
        }
    }
}
