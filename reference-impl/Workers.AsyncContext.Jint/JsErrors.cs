using global::Jint;
using global::Jint.Native;
using global::Jint.Native.Object;
using global::Jint.Runtime;

namespace Workers.AsyncContext.Jint;

/// <summary>Throwing JavaScript errors from C#, and describing thrown values.</summary>
internal static class JsErrors
{
    public static JavaScriptException TypeError(Engine engine, string message) => new(engine.Intrinsics.TypeError, message);

    public static JavaScriptException Error(Engine engine, string message) => new(engine.Intrinsics.Error, message);

    /// <summary>Maps core exceptions to the JavaScript errors workerd throws (OBS-REQUEST-BOUND-1, OBS-TRIGGER-THROWS-1).</summary>
    public static T Translate<T>(Engine engine, Func<T> body)
    {
        try
        {
            return body();
        }
        catch (AsyncContextScopeException ex)
        {
            throw Error(engine, ex.Message);
        }
        catch (NotImplementedInWorkersException ex)
        {
            throw Error(engine, ex.Message);
        }
    }

    /// <summary>The name an error is compared by: its constructor's name (or "name"), never its message.</summary>
    public static string TypeName(JsValue value)
    {
        if (value is ObjectInstance obj)
        {
            try
            {
                var ctor = obj.Get("constructor");
                if (ctor is ObjectInstance c && c.Get("name") is JsString n && n.ToString().Length > 0) return n.ToString();
                if (obj.Get("name") is JsString name) return name.ToString();
            }
            catch (JavaScriptException)
            {
            }
            return "Object";
        }
        return "Error"; // a thrown primitive (or Jint's own load failure message) is reported as a plain Error
    }

    /// <summary>The "message" of an error object, or the value as a string.</summary>
    public static string Message(JsValue value)
    {
        try
        {
            if (value is ObjectInstance obj && obj.Get("message") is JsString m) return m.ToString();
            return value.ToString();
        }
        catch (JavaScriptException)
        {
            return "(unprintable)";
        }
    }
}
