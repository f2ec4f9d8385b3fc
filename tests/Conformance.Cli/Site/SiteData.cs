using System.Text.RegularExpressions;
using Conformance.Harness.Execution;
using Conformance.Harness.Expectations;
using Conformance.Harness.Features;
using Conformance.Harness.Reports;
using Conformance.Harness.Requirements;
using Conformance.Harness.Snapshots;

namespace Conformance.Cli.Site;

/// <summary>One target of the run: its name, its report folder, its results by scenario id and its known-failure list.</summary>
public sealed record SiteTarget(string Name, string ReportDirectory, IReadOnlyList<ScenarioResult> Results, KnownFailureList KnownFailures)
{
    private readonly Dictionary<(string Id, string Name), ScenarioResult> _byRow = Results
        .GroupBy(r => (r.Id, r.Name)).ToDictionary(g => g.Key, g => g.Last());

    /// <summary>The result of one row (id and name: outline rows can share an id only when the feature is in error).</summary>
    public ScenarioResult? ResultOf(ScenarioEntry entry) => _byRow.GetValueOrDefault((entry.Id, entry.Name));

    /// <summary>
    /// The trace the target printed for a row that did not match: the received file the run wrote under
    /// <c>&lt;report dir&gt;/received/</c> (spec/trace-format.md, "Snapshots"), else the trace results.jsonl kept.
    /// </summary>
    public (IReadOnlyList<string>? Trace, string? ReceivedFile) ReceivedOf(ScenarioEntry entry, ScenarioResult result, string featuresRoot)
    {
        var store = new SnapshotStore(false, featuresRoot, Path.Combine(ReportDirectory, SnapshotStore.ReceivedFolder));
        var file = store.ReceivedPathFor(entry.VerifiedPath);
        if (File.Exists(file)) return (TraceText.Read(file), file);
        return (result.Trace, null);
    }
}

/// <summary>
/// Everything the living-documentation site joins (issue 12, item 3): the spec's requirement ids with their entries
/// (spec/requirements.md), the features and their verified snapshots, and each target's results and known failures. Read with
/// the harness's own parsers: <see cref="RequirementCatalog"/>, <see cref="FeatureCatalog"/>, <see cref="ScenarioResult"/>,
/// <see cref="KnownFailureList"/>, <see cref="TraceText"/>.
/// </summary>
public sealed partial class SiteData
{
    public required string RepositoryRoot { get; init; }
    public required RequirementCatalog Spec { get; init; }
    public required FeatureCatalog Features { get; init; }
    public required IReadOnlyList<SiteTarget> Targets { get; init; }
    /// <summary>The URL of the page the spec quotes (the first <c>&lt;https://…&gt;</c> of spec/requirements.md).</summary>
    public required string? SourcePage { get; init; }
    /// <summary>Scenario rows by requirement id, in catalog order.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<ScenarioEntry>> ByRequirement { get; init; }

    /// <summary>Report folders given but not shown, each with why.</summary>
    public IReadOnlyList<string> LeftOut { get; init; } = [];

    /// <param name="reportDirectories">Report folders (each holding results.jsonl), one per target.</param>
    public static SiteData Load(string repositoryRoot, IEnumerable<string> reportDirectories)
    {
        var spec = RequirementCatalog.Load(repositoryRoot);
        var features = FeatureCatalog.Load(Path.Combine(repositoryRoot, "features"), spec.IdSet);
        var targets = new List<SiteTarget>();
        var leftOut = new List<string>();
        foreach (var directory in reportDirectories)
        {
            var file = Path.Combine(directory, ResultsJournal.FileName);
            IReadOnlyList<ScenarioResult> results;
            try { results = ScenarioResult.ReadAll(file); }
            catch (Exception error) when (error is System.Text.Json.JsonException or FormatException)
            {
                throw new InvalidDataException($"{file} is not a results journal: {error.Message}", error);
            }
            if (results.Count == 0)
            {
                leftOut.Add($"{file} holds no results (a selection of no rows): left out");
                continue;
            }
            var name = results[0].Target;
            if (targets.Any(t => t.Name == name)) throw new InvalidDataException($"two report folders are for target {name}: give each target once");
            var list = KnownFailureList.Load(ExpectationsFile(repositoryRoot, name));
            targets.Add(new SiteTarget(name, Path.GetFullPath(directory), results, list));
        }
        var requirementsText = File.ReadAllText(Path.Combine(repositoryRoot, RequirementCatalog.RequirementsFile));
        var byRequirement = spec.Ids.ToDictionary(id => id,
            id => (IReadOnlyList<ScenarioEntry>)features.Entries.Where(e => e.Tags.Requirements.Contains(id)).ToArray(), StringComparer.Ordinal);
        return new SiteData
        {
            RepositoryRoot = repositoryRoot,
            Spec = spec,
            Features = features,
            Targets = targets,
            SourcePage = SourceUrl().Match(requirementsText) is { Success: true } m ? m.Groups["url"].Value : null,
            ByRequirement = byRequirement,
            LeftOut = leftOut,
        };
    }

    /// <summary>The known-failure list a target is judged by (ConformanceSettings.SelectList, as a run picks it).</summary>
    private static string ExpectationsFile(string root, string target) =>
        ConformanceSettings.SelectList(null, target, ConformanceSettings.FileSafe(target.Split(':', 2)[0]), false,
            p => Path.GetFullPath(Path.Combine(root, p))).Path;

    /// <summary>The verified snapshot of a row, or null when it has none.</summary>
    public static IReadOnlyList<string>? VerifiedOf(ScenarioEntry entry) =>
        entry.PickleIndex >= 0 && File.Exists(entry.VerifiedPath) ? TraceText.Read(entry.VerifiedPath) : null;

    [GeneratedRegex(@"<(?<url>https://[^>\s]+)>")]
    private static partial Regex SourceUrl();
}
