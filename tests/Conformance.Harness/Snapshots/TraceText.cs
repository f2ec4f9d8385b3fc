using System.Text;

namespace Conformance.Harness.Snapshots;

/// <summary>
/// A trace as file text (spec/trace-format.md, "Snapshots"): each line followed by "\n", UTF-8 without BOM.
/// Reading tolerates CRLF (a checkout with autocrlf) and a missing final newline; an empty file is an empty trace.
/// </summary>
public static class TraceText
{
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public static string Render(IEnumerable<string> lines) => string.Concat(lines.Select(line => line + "\n"));

    public static IReadOnlyList<string> Parse(string text)
    {
        var normalised = text.Replace("\r\n", "\n");
        if (normalised.Length == 0) return [];
        if (normalised.EndsWith('\n')) normalised = normalised[..^1];
        return normalised.Split('\n');
    }

    public static IReadOnlyList<string> Read(string path) => Parse(File.ReadAllText(path, Utf8));

    public static void Write(string path, IEnumerable<string> lines) => File.WriteAllText(path, Render(lines), Utf8);
}
