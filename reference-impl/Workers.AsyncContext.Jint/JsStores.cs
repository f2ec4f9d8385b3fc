using global::Jint;
using global::Jint.Native;

namespace Workers.AsyncContext.Jint;

/// <summary>JavaScript values in core frames: <c>undefined</c> is "no store" (ALS-EXIT-2), anything else is kept.</summary>
internal static class JsStores
{
    public static object? ToCore(JsValue value) => value.IsUndefined() ? null : value;

    public static JsValue FromCore(object? store) => store as JsValue ?? JsValue.Undefined;
}
