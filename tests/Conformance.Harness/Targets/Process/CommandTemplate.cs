using System.Text;

namespace Conformance.Harness.Targets.Process;

/// <summary>
/// Splits a command template into arguments, as a POSIX shell would split words but with no expansion at all:
/// whitespace separates; '...' is literal; "..." allows \" and \\; a backslash outside quotes escapes the next character.
/// </summary>
public static class CommandTemplate
{
    public static IReadOnlyList<string> Split(string template)
    {
        var arguments = new List<string>();
        var current = new StringBuilder();
        var inArgument = false;
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (char.IsWhiteSpace(c))
            {
                if (inArgument) arguments.Add(current.ToString());
                current.Clear();
                inArgument = false;
                continue;
            }
            inArgument = true;
            switch (c)
            {
                case '\'':
                    var close = template.IndexOf('\'', i + 1);
                    if (close < 0) throw new FormatException("unterminated ' quote");
                    current.Append(template, i + 1, close - i - 1);
                    i = close;
                    break;
                case '"':
                    for (i++; ; i++)
                    {
                        if (i >= template.Length) throw new FormatException("unterminated \" quote");
                        if (template[i] == '"') break;
                        if (template[i] == '\\' && i + 1 < template.Length && template[i + 1] is '"' or '\\') i++;
                        current.Append(template[i]);
                    }
                    break;
                case '\\':
                    if (i + 1 >= template.Length) throw new FormatException("a trailing backslash");
                    current.Append(template[++i]);
                    break;
                default:
                    current.Append(c);
                    break;
            }
        }
        if (inArgument) arguments.Add(current.ToString());
        return arguments;
    }
}
