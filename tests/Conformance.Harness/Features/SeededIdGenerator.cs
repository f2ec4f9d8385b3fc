using Gherkin.CucumberMessages;

namespace Conformance.Harness.Features;

/// <summary>Deterministic Cucumber message ids, unique across files: the feature's path and a counter.
/// The same feature text always gets the same pickle ids, run after run.</summary>
internal sealed class SeededIdGenerator(string seed) : IIdGenerator
{
    private int _next;

    public string GetNewId() => $"{seed}#{_next++}";
}
