using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Surface.Tests;

/// <summary>
/// A JSON value written as the trace prints the same JS value (TF-4, TF-5): objects `{key: value}`, arrays `[a, b]`,
/// nested strings JSON-quoted. Only what descriptions hold (plain objects, arrays, strings, numbers, booleans).
/// </summary>
internal static class TraceNotation
{
    public static string Format(JsonNode? node, bool nested = false) => node switch
    {
        null => "null",
        JsonObject o => "{" + string.Join(", ", o.Select(p => $"{p.Key}: {Format(p.Value, true)}")) + "}",
        JsonArray a => "[" + string.Join(", ", a.Select(v => Format(v, true))) + "]",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => nested ? Quote(v.GetValue<string>()) : v.GetValue<string>(),
            JsonValueKind.Number => v.GetValue<double>().ToString("R", CultureInfo.InvariantCulture),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            var kind => throw new NotSupportedException($"no trace notation for a JSON {kind}"),
        },
        _ => throw new NotSupportedException($"no trace notation for {node.GetType().Name}"),
    };

    /// <summary>JSON.stringify of a string, for the printable ASCII descriptions hold.</summary>
    private static string Quote(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in text)
        {
            if (c is '"' or '\\') builder.Append('\\').Append(c);
            else if (c < ' ' || c > '~') throw new NotSupportedException($"the string \"{text}\" is outside the printable ASCII this notation supports");
            else builder.Append(c);
        }
        return builder.Append('"').ToString();
    }
}
