using System.Text;

namespace Conformance.Harness.Reports;

/// <summary>
/// What one scenario may put in a report or on the console (issue 18, item 7): a runaway program printed 15.7 MB to the console
/// and wrote report files of 31-48 MB, a failing scenario with long lines 3 MB. Control characters are escaped (a program's
/// output must not move a terminal's cursor or colour it), long lines are cut, long texts end with where the rest is: the full
/// trace stays in the scenario's received file.
/// </summary>
public static class BoundedText
{
    /// <summary>Characters of one line on the console.</summary>
    public const int MaxLineChars = 300;

    /// <summary>Characters of one scenario's detail (its diff, or its trace so far) in results.jsonl, JUnit and the test log.</summary>
    public const int MaxDetailChars = 16 * 1024;

    /// <summary>Control characters other than a line break or a tab, written <c>\x1b</c>; C1 controls <c>\u009b</c>.</summary>
    public static string Escape(string text)
    {
        if (!text.Any(IsControl)) return text;
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (!IsControl(c)) escaped.Append(c);
            else if (c < 0x80) escaped.Append($"\\x{(int)c:x2}");
            else escaped.Append($"\\u{(int)c:x4}");
        }
        return escaped.ToString();
    }

    private static bool IsControl(char c) => c is not ('\n' or '\t') && (char.IsControl(c) || c is '\u2028' or '\u2029');

    /// <summary>One line for the console: escaped, at most <paramref name="max"/> characters and a note of what was cut.</summary>
    public static string Line(string line, int max = MaxLineChars)
    {
        var escaped = Escape(line.Replace("\n", "\\n", StringComparison.Ordinal));
        return escaped.Length <= max ? escaped : $"{escaped[..max]}... ({escaped.Length - max} more characters)";
    }

    /// <summary><paramref name="text"/> escaped and cut to <paramref name="max"/> characters at a line break, saying where the rest is.</summary>
    public static string Cap(string text, string whereTheRestIs, int max = MaxDetailChars)
    {
        var escaped = Escape(text);
        if (escaped.Length <= max) return escaped;
        var cut = escaped.LastIndexOf('\n', max - 1);
        var kept = escaped[..(cut > max / 2 ? cut : max)];
        return $"{kept}\n... {escaped.Length - kept.Length} more characters not shown; {whereTheRestIs}";
    }
}
