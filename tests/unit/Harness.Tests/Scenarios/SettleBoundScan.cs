using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Harness.Tests.Scenarios;

/// <summary>One literal delay found in a program (TF-14).</summary>
public sealed record ProgramDelay(string Call, int Value, bool Exempt);

/// <summary>
/// Finds the literal delays a program gives setTimeout, setInterval, scheduler.wait and AbortSignal.timeout (TF-14): every
/// number literal in the delay argument, with string literals and comments left out. A `scheduler.wait` awaited directly,
/// and a timer whose callback is `() => {}`, are exempt: the program's own flow waits for the first, and the second
/// cannot be observed. A delay held in a variable is not seen.
/// </summary>
public static partial class SettleBoundScan
{
    [GeneratedRegex(@"(await\s+)?\b(setTimeout|setInterval|scheduler\.wait|AbortSignal\.timeout)\s*\(")]
    private static partial Regex Call();

    [GeneratedRegex(@"(?<![\w.$])\d+(?:\.\d+)?(?![\w.$])")]
    private static partial Regex Number();

    [GeneratedRegex(@"^\(\s*\)\s*=>\s*\{\s*\}$")]
    private static partial Regex EmptyCallback();

    public static IReadOnlyList<ProgramDelay> Delays(string source)
    {
        var code = WithoutCommentsAndStrings(source);
        var found = new List<ProgramDelay>();
        foreach (Match call in Call().Matches(code))
        {
            var name = call.Groups[2].Value;
            var args = Arguments(code, call.Index + call.Length - 1);
            var timer = name.StartsWith("set", StringComparison.Ordinal);
            var delayIndex = timer ? 1 : 0;
            if (args.Count <= delayIndex) continue;
            var exempt = timer ? EmptyCallback().IsMatch(args[0].Trim()) : name == "scheduler.wait" && call.Groups[1].Success;
            foreach (Match number in Number().Matches(args[delayIndex]))
                found.Add(new ProgramDelay($"{name}({string.Join(",", args)})", (int)Math.Ceiling(double.Parse(number.Value, CultureInfo.InvariantCulture)), exempt));
        }
        return found;
    }

    /// <summary>The top-level arguments of the call whose `(` is at <paramref name="open"/>.</summary>
    private static List<string> Arguments(string code, int open)
    {
        var args = new List<string>();
        var current = new StringBuilder();
        var depth = 0;
        for (var i = open; i < code.Length; i++)
        {
            var c = code[i];
            if (c is '(' or '[' or '{') { if (depth++ == 0) continue; }
            else if (c is ')' or ']' or '}') { if (--depth == 0) { args.Add(current.ToString()); return args; } }
            else if (c == ',' && depth == 1) { args.Add(current.ToString()); current.Clear(); continue; }
            current.Append(c);
        }
        return args; // unbalanced: what was read
    }

    /// <summary>Blanks out comments and the contents of string and template literals, keeping the quotes and the length.</summary>
    public static string WithoutCommentsAndStrings(string source)
    {
        var text = source.ToCharArray();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
                for (; i < text.Length && text[i] != '\n'; i++) text[i] = ' ';
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var end = source.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? text.Length : end + 2;
                for (; i < end; i++) text[i] = ' ';
                i--;
            }
            else if (c is '\'' or '"' or '`')
            {
                for (i++; i < text.Length && text[i] != c; i++)
                {
                    if (text[i] == '\\' && i + 1 < text.Length) text[i++] = ' ';
                    if (text[i] != '\n') text[i] = ' ';
                }
            }
        }
        return new string(text);
    }
}
