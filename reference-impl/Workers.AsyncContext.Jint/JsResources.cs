using System.Reflection;

namespace Workers.AsyncContext.Jint;

/// <summary>The JavaScript halves of the host, embedded from Js/.</summary>
internal static class JsResources
{
    public static string Read(string fileName)
    {
        var name = "Workers.AsyncContext.Jint.Js." + fileName;
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"missing embedded resource {name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
