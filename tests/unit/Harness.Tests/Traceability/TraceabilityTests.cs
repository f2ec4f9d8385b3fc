using Conformance.Harness.Features;
using Conformance.Harness.Requirements;
using Conformance.Harness.Scenarios;

namespace Harness.Tests.Links;

/// <summary>
/// The repository's spec, features, snapshots and known-failure lists are linked (issue 11): each check runs on the
/// repository, and on a scratch repository that breaks exactly that link, to show the check would fail.
/// </summary>
public sealed class TraceabilityTests : IDisposable
{
    private static readonly string Root = RepositoryRoot.Find();
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static RequirementCatalog RepositorySpec => RequirementCatalog.Load(Root);
    private static FeatureCatalog RepositoryCatalog => FeatureCatalog.Load(Path.Combine(Root, "features"), RepositorySpec.IdSet);

    [Fact]
    public void Every_requirement_id_of_the_spec_has_a_scenario() =>
        Assert.Empty(Traceability.UncoveredRequirements(RepositorySpec, RepositoryCatalog));

    [Fact]
    public void Every_tag_of_every_scenario_is_a_known_id_or_a_profile() =>
        Assert.Empty(Traceability.RowProblems(RepositoryCatalog));

    [Fact]
    public void Each_spec_entry_names_exactly_the_features_of_its_scenarios() =>
        Assert.Empty(Traceability.FeatureListMismatches(RepositorySpec, RepositoryCatalog));

    [Fact]
    public void A_feature_list_that_disagrees_with_the_tags_is_reported()
    {
        var spec = RequirementCatalog.Parse(
            "### ALS-RUN-1 — documented\nFeatures: `b/*.feature`.\n\n## Open\n\n### OBS-THIS-1\nEvidence: `a/f.feature` → `log: true`.\n", "");
        var problems = Traceability.FeatureListMismatches(spec, Scratch("@ALS-RUN-1 @OBS-THIS-1 @documented", spec));
        Assert.Equal(
        [
            "ALS-RUN-1: a/f.feature has scenarios tagged @ALS-RUN-1, but its entry in spec/requirements.md does not name it",
            "ALS-RUN-1: its entry in spec/requirements.md names b/*.feature, where no scenario is tagged @ALS-RUN-1",
        ], problems);
    }

    [Fact]
    public void Every_scenario_has_a_requirement_id() =>
        Assert.Empty(Traceability.ScenariosWithoutRequirement(RepositoryCatalog));

    [Fact]
    public void A_scenario_without_a_requirement_id_is_reported()
    {
        var spec = RequirementCatalog.Parse(Spec, "");
        Assert.Equal(["a/f/one has no requirement id"], Traceability.ScenariosWithoutRequirement(Scratch("@documented", spec)));
    }

    [Fact]
    public void Every_verified_snapshot_belongs_to_a_scenario() =>
        Assert.Empty(Traceability.OrphanSnapshots(RepositoryCatalog));

    [Fact]
    public void Every_known_failure_names_a_scenario() =>
        Assert.Empty(Traceability.UnknownKnownFailures(RepositoryCatalog, Path.Combine(Root, "targets", "expectations")));

    [Fact]
    public void The_spec_has_requirement_ids_and_errata()
    {
        Assert.NotEmpty(RepositorySpec.Ids);
        Assert.NotEmpty(RepositorySpec.Errata);
        Assert.All(RepositorySpec.Ids, id => Assert.True(ScenarioTags.IsRequirementId(id), id));
    }

    // Scratch repository: two ids, one scenario tagged with the first.
    private const string Spec = "# Requirements\n\n### ALS-RUN-1 — documented\n> text\n\n### OBS-THIS-1\ntext\n";

    private static string Feature(string tags) =>
        $"Feature: f\n\n  {tags}\n  Scenario: one\n    Given the worker program:\n      \"\"\"js\n      export default {{}};\n      \"\"\"\n    When the test handler runs\n    Then the trace matches the verified snapshot\n";

    private FeatureCatalog Scratch(string tags, RequirementCatalog spec)
    {
        var features = _temp.File("features");
        Directory.CreateDirectory(Path.Combine(features, "a"));
        File.WriteAllText(Path.Combine(features, "a", "f.feature"), Feature(tags));
        File.WriteAllText(Path.Combine(features, "a", "f.one.verified.txt"), "end\n");
        return FeatureCatalog.Load(features, spec.IdSet);
    }

    [Fact]
    public void An_id_without_a_scenario_is_reported()
    {
        var spec = RequirementCatalog.Parse(Spec, "");
        var problems = Traceability.UncoveredRequirements(spec, Scratch("@ALS-RUN-1 @documented", spec));
        Assert.Equal(["OBS-THIS-1 has no scenario"], problems);
    }

    [Theory]
    [InlineData("@ALS-RUN-11 @documented", "@ALS-RUN-11")]
    [InlineData("@ALS-RUN-1 @OBS-THIS-1 @wip @documented", "@wip")]
    [InlineData("@ALS-RUN-1 @Documented @documented", "@Documented")]
    public void A_tag_that_is_no_known_id_or_profile_makes_its_row_an_error(string tags, string unknown)
    {
        var spec = RequirementCatalog.Parse(Spec, "");
        var row = Assert.Single(Scratch(tags, spec).Entries);
        Assert.NotNull(row.Problem);
        Assert.Contains(unknown, row.Problem);
        Assert.Equal([$"a/f/one: {row.Problem}"], Traceability.RowProblems(Scratch(tags, spec)));
    }

    [Fact]
    public void Without_known_ids_the_catalog_does_not_judge_tags()
    {
        var features = _temp.File("features");
        Directory.CreateDirectory(features);
        File.WriteAllText(Path.Combine(features, "f.feature"), Feature("@ALS-RUN-11 @documented"));
        Assert.Null(Assert.Single(FeatureCatalog.Load(features).Entries).Problem);
    }

    [Fact]
    public void A_snapshot_of_no_scenario_is_reported()
    {
        var spec = RequirementCatalog.Parse(Spec, "");
        var catalog = Scratch("@ALS-RUN-1 @OBS-THIS-1 @documented", spec);
        Assert.Empty(Traceability.OrphanSnapshots(catalog));
        File.WriteAllText(Path.Combine(catalog.Root, "a", "f.renamed.verified.txt"), "end\n");
        Assert.Equal(["a/f.renamed.verified.txt belongs to no scenario"], Traceability.OrphanSnapshots(catalog));
    }

    [Fact]
    public void A_known_failure_of_no_scenario_is_reported_in_either_line_format()
    {
        var spec = RequirementCatalog.Parse(Spec, "");
        var catalog = Scratch("@ALS-RUN-1 @OBS-THIS-1 @documented", spec);
        var expectations = _temp.File("expectations");
        Directory.CreateDirectory(expectations);
        File.WriteAllText(Path.Combine(expectations, "node.txt"),
            "# comment | not an id\n\na/f/one | reason\na/f/gone | reason\na/f/one | FAIL | 0123abcd | reason\na/f/old | FAIL | 0123abcd | reason\na/f/bare\n");
        // An exploration's list names program signatures (tools/Conformance.Explore checks those), not scenarios.
        File.WriteAllText(Path.Combine(expectations, "explore-node.txt"), "run(exit(wait log)) | reason\n");
        Assert.Equal(
            ["node.txt:4: \"a/f/gone\" is no scenario", "node.txt:6: \"a/f/old\" is no scenario", "node.txt:7: \"a/f/bare\" is no scenario"],
            Traceability.UnknownKnownFailures(catalog, expectations));
    }

    [Fact]
    public void A_repeated_requirement_id_is_an_error()
    {
        var error = Assert.Throws<InvalidDataException>(() => RequirementCatalog.Parse(Spec + "\n### OBS-THIS-1\nagain\n", ""));
        Assert.Contains("OBS-THIS-1", error.Message);
    }

    [Fact]
    public void Errata_are_the_err_headings()
    {
        var spec = RequirementCatalog.Parse(Spec, "# Errata\n\n## ERR-1 — a (EX-A-1)\n\n## ERR-2 — b\n\n### ERR-9 not a heading of an erratum\n");
        Assert.Equal(["ERR-1", "ERR-2"], spec.Errata);
    }
}
