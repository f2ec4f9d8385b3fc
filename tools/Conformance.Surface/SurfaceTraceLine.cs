using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.Surface;

/// <summary>
/// Reads the JSON value a program printed with <c>console.log(JSON.stringify(x))</c> from a trace line. The line is TF-2
/// escaped; after `log: ` comes either the JSON text itself (strings printed unquoted, TF-4) or that text as a
/// JSON-quoted string (a trace format that quotes top-level strings). Both are accepted.
/// </summary>
public static class SurfaceTraceLine
{
    private const string LogPrefix = "log: ";

    /// <summary>The JSON value of a `log: ` line, or null when the line is not a log line (end, load error, ...).</summary>
    public static JsonNode? TryRead(string traceLine)
    {
        if (!traceLine.StartsWith(LogPrefix, StringComparison.Ordinal)) return null;
        var text = Unescape(traceLine[LogPrefix.Length..]);
        var value = JsonNode.Parse(text) ?? throw new FormatException($"the trace line \"{traceLine}\" holds JSON null, not an entry");
        if (value.GetValueKind() == JsonValueKind.String)
            value = JsonNode.Parse(value.GetValue<string>()) ?? throw new FormatException($"the trace line \"{traceLine}\" quotes JSON null");
        return value;
    }

    /// <summary>Undoes TF-2: `\\` is a backslash, `\n` a line feed, `\r` a carriage return.</summary>
    public static string Unescape(string line)
    {
        var builder = new StringBuilder(line.Length);
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] != '\\' || i + 1 == line.Length) { builder.Append(line[i]); continue; }
            var next = line[++i];
            builder.Append(next switch { 'n' => '\n', 'r' => '\r', '\\' => '\\', _ => throw new FormatException($"\"\\{next}\" is not a TF-2 escape in \"{line}\"") });
        }
        return builder.ToString();
    }
}
