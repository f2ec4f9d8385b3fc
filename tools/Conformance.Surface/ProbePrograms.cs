using System.Reflection;
using System.Text;

namespace Conformance.Surface;

/// <summary>
/// The worker programs that observe the surface: the same prelude and helpers (Js/probe-helpers.js) in the dump program
/// and in every generated scenario, so the scenario prints what the dump recorded.
/// </summary>
public static class ProbePrograms
{
    public static string Helpers { get; } = Resource("probe-helpers.js");
    public static string MembersBody { get; } = Resource("members.js");

    /// <summary>A complete ES module worker whose test() runs <paramref name="body"/> (statements, one per line).</summary>
    public static string Module(IEnumerable<string> body, string indent = "")
    {
        var text = new StringBuilder();
        void Line(string line) => text.Append(line.Length == 0 ? "" : indent).Append(line).Append('\n');
        Line("import * as asyncHooks from 'node:async_hooks';");
        Line("const { AsyncLocalStorage, AsyncResource } = asyncHooks;");
        foreach (var helper in Helpers.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n')) Line(helper);
        Line("export default {");
        Line("  async test() {");
        foreach (var statement in body) Line("    " + statement);
        Line("  },");
        Line("};");
        return text.ToString();
    }

    /// <summary>The dump program: one JSON line per probe, each probe isolated so one failure cannot hide the others.</summary>
    public static string Dump(IEnumerable<SurfaceProbe> probes) => Module(probes.Select((p, i) =>
        $"try {{ console.log(JSON.stringify({{ index: {i}, observed: {p.Probe} }})); }} catch (e) {{ console.log(JSON.stringify({{ index: {i}, probeFailed: errorType(e) }})); }}"));

    private static string Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the embedded resource {name} is missing from Conformance.Surface");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
