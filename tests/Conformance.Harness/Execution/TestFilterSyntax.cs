namespace Conformance.Harness.Execution;

/// <summary>
/// Checks a `dotnet test --filter` expression before a run starts (issue 18, item 2): VSTest reports a malformed filter only
/// in its log and then runs nothing, which a run would call "no scenario selected". The grammar is VSTest's: conditions
/// <c>Property=value</c>, <c>!=</c>, <c>~</c>, <c>!~</c> (or a bare value, read as <c>FullyQualifiedName~value</c>), joined by
/// <c>&amp;</c> and <c>|</c>, grouped with parentheses; <c>\</c> escapes a special character.
/// </summary>
public static class TestFilterSyntax
{
    private static readonly string[] Operators = ["!=", "!~", "=", "~"];

    /// <summary>Why <paramref name="filter"/> is not a filter VSTest accepts, or null when it is one.</summary>
    public static string? Problem(string filter)
    {
        if (string.IsNullOrWhiteSpace(filter)) return "the filter is empty";
        var position = 0;
        var problem = Expression(filter, ref position, depth: 0);
        if (problem is null && position < filter.Length) problem = $"an unmatched ')' at character {position + 1}";
        return problem;
    }

    private static string? Expression(string text, ref int i, int depth)
    {
        while (true)
        {
            if (Term(text, ref i, depth) is { } problem) return problem;
            SkipSpaces(text, ref i);
            if (i >= text.Length || text[i] == ')') return null;
            if (text[i] is not ('&' or '|')) return $"a missing '&' or '|' before character {i + 1}";
            i++;
        }
    }

    private static string? Term(string text, ref int i, int depth)
    {
        SkipSpaces(text, ref i);
        if (i < text.Length && text[i] == '(')
        {
            var open = i++;
            if (Expression(text, ref i, depth + 1) is { } problem) return problem;
            if (i >= text.Length || text[i] != ')') return $"the '(' at character {open + 1} is never closed";
            i++;
            return null;
        }
        var start = i;
        var condition = new System.Text.StringBuilder();
        for (; i < text.Length && text[i] is not ('&' or '|' or '(' or ')'); i++)
        {
            if (text[i] == '\\')
            {
                if (i + 1 >= text.Length) return "a trailing '\\' escapes nothing";
                condition.Append(text[i]).Append(text[++i]);
            }
            else condition.Append(text[i]);
        }
        if (i < text.Length && text[i] == '(') return $"a '(' inside a condition at character {i + 1} (escape it as \\( )";
        return Condition(condition.ToString(), start);
    }

    private static string? Condition(string text, int start)
    {
        if (text.Trim().Length == 0) return $"an empty condition at character {start + 1}";
        var found = new List<(int At, string Operator)>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\') { i++; continue; }
            if (Operators.FirstOrDefault(o => string.CompareOrdinal(text, i, o, 0, o.Length) == 0) is { } op)
            {
                found.Add((i, op));
                i += op.Length - 1;
            }
        }
        if (found.Count == 0) return null; // a bare value: FullyQualifiedName~value
        if (found.Count > 1) return $"the condition \"{text.Trim()}\" has more than one operator (escape a literal one with \\)";
        var property = text[..found[0].At].Trim();
        var value = text[(found[0].At + found[0].Operator.Length)..].Trim();
        if (property.Length == 0) return $"the condition \"{text.Trim()}\" names no property before {found[0].Operator}";
        if (!property.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.'))
            return $"\"{property}\" in \"{text.Trim()}\" is not a property name (Requirement, Profile, Feature, ScenarioId, FullyQualifiedName...)";
        if (value.Length == 0) return $"the condition \"{text.Trim()}\" has no value after {found[0].Operator}";
        return null;
    }

    private static void SkipSpaces(string text, ref int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
    }
}
