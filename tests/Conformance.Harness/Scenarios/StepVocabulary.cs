using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Conformance.Harness.Scenarios;

/// <summary>The Gherkin keyword a step definition is bound to (And/But take the keyword of the step before them).</summary>
public enum StepKeyword
{
    Given,
    When,
    Then,
}

/// <summary>One step phrase: its keyword, its Cucumber expression, whether it takes a doc string, and the
/// <see cref="ScenarioBuilder"/> method it calls with the expression's arguments.</summary>
public sealed record StepPhrase(StepKeyword Keyword, string Expression, bool TakesDocString,
    Func<ScenarioBuilder, IReadOnlyList<string>, string?, StepRole> Invoke)
{
    /// <summary>How many arguments a step definition of this phrase takes: one per parameter of the expression, and the doc string.</summary>
    public int ArgumentCount => Regex.Matches(Expression, @"\{(string|int)\}").Count + (TakesDocString ? 1 : 0);

    public override string ToString() => $"{Keyword} {Expression}";
}

/// <summary>
/// The step phrases: the one list of the steps a scenario may use (issue 17, item 2). The compiler
/// (<see cref="Execution.ScenarioCompiler"/>) builds each row's program with it, and Reqnroll's step definitions are registered
/// from it (Conformance.Specs/Reqnroll/PhraseBindings.cs), so Reqnroll knows exactly these steps, detects undefined and
/// ambiguous ones, and builds nothing. Expressions use only <c>{string}</c> and <c>{int}</c>, matched here as Cucumber
/// expressions match them.
/// </summary>
public static class StepVocabulary
{
    public static IReadOnlyList<StepPhrase> Phrases { get; } =
    [
        new(StepKeyword.Given, "the worker program:", true, (b, _, doc) => b.Program(doc)),
        new(StepKeyword.Given, "the compatibility date {string}", false, (b, a, _) => b.CompatibilityDate(a[0])),
        new(StepKeyword.Given, "the Durable Object class {string} bound as {string}", false, (b, a, _) => b.DurableObject(a[0], a[1])),
        new(StepKeyword.Given, "the WorkerEntrypoint class {string} reached through the service binding {string}", false,
            (b, a, _) => b.Entrypoint(a[0], a[1])),
        new(StepKeyword.Given, "the worker is its own Cache API backend", false, (b, _, _) => b.CacheBackend()),
        new(StepKeyword.Given, "the worker's scheduled and queue handlers are reached through env.SELF", false, (b, _, _) => b.ExtraHandlers()),
        new(StepKeyword.Given, "the worker is its own queue broker, bound as {string}", false, (b, a, _) => b.QueueBroker(a[0])),
        new(StepKeyword.When, "the test handler runs", false, (b, _, _) => b.RunTestHandler()),
        new(StepKeyword.When, "a request is sent", false, (b, _, _) => b.SendRequest()),
        new(StepKeyword.When, "a request is sent to {string}", false, (b, a, _) => b.SendRequest(a[0])),
        new(StepKeyword.When, "{int} requests are sent concurrently", false, (b, a, _) => b.SendRequests(Int(a[0]), concurrent: true)),
        new(StepKeyword.When, "{int} requests are sent one after another", false, (b, a, _) => b.SendRequests(Int(a[0]), concurrent: false)),
        new(StepKeyword.Then, "the trace matches the verified snapshot", false, (b, _, _) => b.CheckTrace()),
    ];

    private static readonly (StepPhrase Phrase, Regex Pattern)[] Patterns = [.. Phrases.Select(p => (p, ToRegex(p.Expression)))];

    /// <summary>Matches <paramref name="text"/> to its phrase and calls the builder; <paramref name="keyword"/> null matches any keyword.</summary>
    public static StepRole Apply(ScenarioBuilder builder, StepKeyword? keyword, string text, string? docString)
    {
        ArgumentNullException.ThrowIfNull(text);
        var step = text.Trim();
        foreach (var (phrase, pattern) in Patterns)
        {
            if (pattern.Match(step) is not { Success: true } match) continue;
            if (keyword is { } k && k != phrase.Keyword)
                throw ScenarioBuilder.Error(step, $"is a {phrase.Keyword} step, written here as {k} (undefined for {k})");
            if (!phrase.TakesDocString && docString is not null) throw ScenarioBuilder.Error(step, "takes no doc string");
            var arguments = match.Groups.Cast<Group>().Skip(1).Where(g => g.Success).Select(g => g.Value).ToArray();
            return phrase.Invoke(builder, arguments, docString);
        }
        throw new ScenarioDefinitionException(
            $"unknown step \"{step}\". The steps are:\n  " + string.Join("\n  ", Phrases.Select(p => p.ToString().Replace("{int}", "N"))));
    }

    /// <summary>An int argument as the number of requests (a number too large for an int is out of range, like 0).</summary>
    private static int Int(string text) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue;

    /// <summary><c>{string}</c>: text in double or single quotes; <c>{int}</c>: an optionally signed whole number; the rest literal.</summary>
    private static Regex ToRegex(string expression)
    {
        var pattern = new StringBuilder("^");
        foreach (var part in Regex.Split(expression, @"(\{string\}|\{int\})"))
            pattern.Append(part switch
            {
                "{string}" => "(?:\"([^\"]*)\"|'([^']*)')",
                "{int}" => @"(-?\d+)",
                _ => Regex.Escape(part),
            });
        return new Regex(pattern.Append('$').ToString(), RegexOptions.CultureInvariant);
    }
}
