using Conformance.Harness.Scenarios;

namespace Harness.Tests.Scenarios;

/// <summary>
/// The Reqnroll step definitions (Conformance.Specs) and the phrase table the prefetch compiler uses (StepVocabulary) cannot
/// drift: every phrase has exactly one step definition with its keyword and expression, and every step definition is a phrase.
/// </summary>
public sealed class StepBindingParityTests
{
    private static readonly string[] Keywords = ["Given", "When", "Then"];

    /// <summary>"Keyword expression" of every [Given]/[When]/[Then] attribute on a method of a [Binding] class.</summary>
    private static List<string> BoundSteps()
    {
        var bound = new List<string>();
        foreach (var type in SpecsAssembly.Load().GetTypes())
        {
            if (!type.CustomAttributes.Any(a => a.AttributeType.FullName == "Reqnroll.BindingAttribute")) continue;
            foreach (var method in type.GetMethods())
                foreach (var attribute in method.CustomAttributes)
                {
                    var keyword = attribute.AttributeType.Name.Replace("Attribute", "", StringComparison.Ordinal);
                    if (attribute.AttributeType.Namespace != "Reqnroll" || !Keywords.Contains(keyword)) continue;
                    var expression = attribute.ConstructorArguments.FirstOrDefault().Value as string;
                    bound.Add($"{keyword} {expression}");
                }
        }
        return bound;
    }

    [Fact]
    public void Every_phrase_has_exactly_one_step_definition_and_every_step_definition_is_a_phrase()
    {
        var bound = BoundSteps();
        var phrases = StepVocabulary.Phrases.Select(p => p.ToString()).ToList();

        Assert.Empty(bound.GroupBy(b => b).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Empty(phrases.GroupBy(p => p).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Equal(phrases.Order(StringComparer.Ordinal), bound.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void No_step_definition_is_a_catch_all_regular_expression() =>
        Assert.All(BoundSteps(), step => Assert.DoesNotContain("(.*)", step));
}
