using System.Collections.Concurrent;
using System.Collections.Specialized;
using System.Globalization;
using Conformance.Harness.Features;
using global::Reqnroll;
using Io.Cucumber.Messages.Types;

namespace Conformance.Specs.Reqnroll;

/// <summary>
/// Reqnroll's view of our parsed features: one <see cref="FeatureInfo"/> per file (the same instance for every scenario of
/// it, so the runner's feature context is reused), a <see cref="ScenarioInfo"/> per pickle, and each step's written keyword.
/// </summary>
public static class ReqnrollModel
{
    private static readonly ConcurrentDictionary<FeatureFile, FeatureInfo> Features = new();
    private static readonly ConcurrentDictionary<FeatureFile, IReadOnlyDictionary<string, string>> Keywords = new();

    /// <summary>Every FeatureInfo handed out so far (to release them at the end of the run).</summary>
    public static IReadOnlyCollection<FeatureInfo> Started => Features.Values.ToArray();

    public static FeatureInfo FeatureInfoFor(FeatureFile feature) => Features.GetOrAdd(feature, f =>
        new FeatureInfo(CultureFor(f.Language), Path.GetDirectoryName(f.RelativePath)?.Replace('\\', '/') ?? "", f.Name, f.Description,
            ProgrammingLanguage.CSharp, f.Tags.Select(t => t.TrimStart('@')).ToArray(),
            new RuntimeFeatureMessages(f.Source, f.Document!, f.Pickles)));

    public static ScenarioInfo ScenarioInfoFor(ScenarioEntry entry)
    {
        var inherited = entry.Feature.Tags.Concat(entry.Rule?.Tags ?? []).Select(t => t.TrimStart('@')).ToHashSet(StringComparer.Ordinal);
        var own = entry.Tags.All.Where(t => !inherited.Contains(t)).ToArray();
        return new ScenarioInfo(entry.Name, entry.Description, own, new OrderedDictionary(), inherited.ToArray(),
            entry.PickleIndex.ToString(CultureInfo.InvariantCulture));
    }

    public static RuleInfo? RuleInfoFor(ScenarioEntry entry) =>
        entry.Rule is { } rule ? new RuleInfo(rule.Title, rule.Description, rule.Tags.Select(t => t.TrimStart('@')).ToArray()) : null;

    /// <summary>The keyword a step is written with ("Given ", "And ", ...), for the reports.</summary>
    public static string KeywordOf(FeatureFile feature, PickleStep step)
    {
        var keywords = Keywords.GetOrAdd(feature, IndexKeywords);
        return step.AstNodeIds.Count > 0 && keywords.TryGetValue(step.AstNodeIds[0], out var keyword) ? keyword : "* ";
    }

    private static IReadOnlyDictionary<string, string> IndexKeywords(FeatureFile feature)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(IEnumerable<Step> steps) { foreach (var s in steps) map[s.Id] = s.Keyword; }
        void AddChildren(IEnumerable<FeatureChild> children)
        {
            foreach (var child in children)
            {
                if (child.Background is { } background) Add(background.Steps);
                if (child.Scenario is { } scenario) Add(scenario.Steps);
            }
        }
        foreach (var child in feature.Document?.Feature?.Children ?? [])
        {
            AddChildren([child]);
            if (child.Rule is { } rule)
                foreach (var ruleChild in rule.Children)
                {
                    if (ruleChild.Background is { } background) Add(background.Steps);
                    if (ruleChild.Scenario is { } scenario) Add(scenario.Steps);
                }
        }
        return map;
    }

    private static CultureInfo CultureFor(string language)
    {
        try { return CultureInfo.GetCultureInfo(language == "en" ? "en-US" : language); }
        catch (CultureNotFoundException) { return CultureInfo.GetCultureInfo("en-US"); }
    }
}
