using Conformance.Harness.Scenarios;
using Io.Cucumber.Messages.Types;

namespace Conformance.Harness.Features;

/// <summary>
/// Every feature under a features root and its rows, in a fixed order: files by relative path (ordinal), pickles in document
/// order. Rows that cannot run carry a <see cref="ScenarioEntry.Problem"/>: a file that does not parse (one row, with file
/// and line), scenarios of one feature sharing a slug, a missing or repeated profile tag, and, when the catalog is loaded
/// with the known requirement ids, a tag that is neither a known id nor a profile (a typo must not pass as a new id).
/// </summary>
public sealed class FeatureCatalog
{
    private readonly Dictionary<string, ScenarioEntry> _byKey;
    private readonly Dictionary<string, int> _indexes;

    public string Root { get; }
    public IReadOnlyList<FeatureFile> Features { get; }
    public IReadOnlyList<ScenarioEntry> Entries { get; }

    private FeatureCatalog(string root, IReadOnlyList<FeatureFile> features, IReadOnlyList<ScenarioEntry> entries)
    {
        Root = root;
        Features = features;
        Entries = entries;
        _byKey = entries.ToDictionary(e => e.Key, StringComparer.Ordinal);
        _indexes = entries.Select((e, i) => (e.Key, i)).ToDictionary(p => p.Key, p => p.i, StringComparer.Ordinal);
    }

    public ScenarioEntry? Find(string key) => _byKey.GetValueOrDefault(key);

    /// <summary>The position of a row in run order, or -1.</summary>
    public int IndexOf(string key) => _indexes.GetValueOrDefault(key, -1);

    /// <summary>Loads <c>**/*.feature</c> under <paramref name="root"/>. A missing root gives an empty catalog.</summary>
    /// <param name="knownRequirements">The ids of spec/requirements.md; when given, any other tag that is not a profile makes its row an ERROR.</param>
    public static FeatureCatalog Load(string root, IReadOnlySet<string>? knownRequirements = null)
    {
        root = Path.GetFullPath(root);
        var files = Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*.feature", SearchOption.AllDirectories)
                .Select(f => (Full: f, Relative: Path.GetRelativePath(root, f).Replace('\\', '/')))
                .OrderBy(f => f.Relative, StringComparer.Ordinal)
                .ToArray()
            : [];
        var features = files.Select(f => FeatureParser.Parse(f.Full, f.Relative)).ToArray();
        return new FeatureCatalog(root, features, features.SelectMany(f => RowsOf(f, knownRequirements)).ToArray());
    }

    private static IEnumerable<ScenarioEntry> RowsOf(FeatureFile feature, IReadOnlySet<string>? knownRequirements)
    {
        if (feature.ParseError is not null)
        {
            yield return new ScenarioEntry
            {
                Key = $"{feature.IdPrefix}#parse-error",
                Id = $"{feature.IdPrefix}#parse-error",
                Feature = feature,
                PickleIndex = -1,
                Name = "(feature does not parse)",
                Tags = ScenarioTags.Parse([]) with { Problem = null },
                Problem = $"the feature file does not parse: {feature.ParseError}",
            };
            yield break;
        }

        var structure = DocumentStructure.Of(feature.Document!);
        var slugCounts = feature.Pickles.GroupBy(p => ScenarioSlug.From(p.Name)).ToDictionary(g => g.Key, g => g.Count());
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var index = 0; index < feature.Pickles.Count; index++)
        {
            var pickle = feature.Pickles[index];
            var slug = ScenarioSlug.From(pickle.Name);
            var id = $"{feature.IdPrefix}/{slug}";
            var occurrence = seen[slug] = seen.GetValueOrDefault(slug) + 1;
            var tags = ScenarioTags.Parse(pickle.Tags.Select(t => t.Name));
            var scenario = structure.ScenarioOf(pickle);
            string? problem = null;
            if (slug.Length == 0)
                problem = $"the scenario name \"{pickle.Name}\" has no letters or digits, so it has no slug (spec/trace-format.md, \"Snapshots\")";
            else if (slugCounts[slug] > 1)
                problem = $"{slugCounts[slug]} scenarios of {feature.RelativePath} share the slug \"{slug}\" (spec/trace-format.md, \"Snapshots\"): give them distinct names (outlines: put a <placeholder> in the name)";
            else if (tags.Problem is not null)
                problem = tags.Problem;
            else if (knownRequirements is not null && UnknownTags(tags, knownRequirements) is { Length: > 0 } unknown)
                problem = $"the scenario has tag{(unknown.Length > 1 ? "s" : "")} {string.Join(", ", unknown.Select(t => "@" + t))} that name{(unknown.Length > 1 ? "" : "s")} no requirement id of spec/requirements.md, no profile, no date-gated flag (@needs-flag:<flag>, spec/runtime-bridges.md CD-3), no capability (@needs:<capability>) and no accept guard (@expects-load-error, @expects-abnormal-exit)";

            yield return new ScenarioEntry
            {
                Key = occurrence == 1 ? id : $"{id}#{occurrence}",
                Id = id,
                Feature = feature,
                PickleIndex = index,
                Pickle = pickle,
                Name = pickle.Name,
                Tags = tags,
                Description = scenario.Description,
                Rule = scenario.Rule,
                Line = scenario.Line,
                Problem = problem,
            };
        }
    }

    private static string[] UnknownTags(ScenarioTags tags, IReadOnlySet<string> knownRequirements) =>
        tags.All.Where(t => !knownRequirements.Contains(t) && !ScenarioTags.Profiles.Contains(t, StringComparer.Ordinal)
            && t is not (Snapshots.AcceptGuard.LoadErrorTag or Snapshots.AcceptGuard.AbnormalExitTag)
            && Execution.Dates.DateGatedFlags.FromTags([t]).Needed.Count == 0
            && Scenarios.Capabilities.FromTags([t]).Needed.Count == 0).ToArray();

    /// <summary>Where each scenario sits in the document: its line, description and rule.</summary>
    private sealed class DocumentStructure
    {
        private readonly Dictionary<string, (int Line, string Description, (string, string, IReadOnlyList<string>)? Rule)> _scenarios = new();

        public static DocumentStructure Of(GherkinDocument document)
        {
            var structure = new DocumentStructure();
            foreach (var child in document.Feature?.Children ?? [])
            {
                if (child.Scenario is { } scenario) structure.Add(scenario, null);
                if (child.Rule is { } rule)
                {
                    var info = (rule.Name, rule.Description?.Trim() ?? "", (IReadOnlyList<string>)rule.Tags.Select(t => t.Name).ToArray());
                    foreach (var ruleChild in rule.Children)
                        if (ruleChild.Scenario is { } inRule) structure.Add(inRule, info);
                }
            }
            return structure;
        }

        private void Add(Scenario scenario, (string, string, IReadOnlyList<string>)? rule) =>
            _scenarios[scenario.Id] = ((int)scenario.Location.Line, scenario.Description?.Trim() ?? "", rule);

        public (int Line, string Description, (string Title, string Description, IReadOnlyList<string> Tags)? Rule) ScenarioOf(Pickle pickle) =>
            pickle.AstNodeIds.Count > 0 && _scenarios.TryGetValue(pickle.AstNodeIds[0], out var found) ? found : (0, "", null);
    }
}
