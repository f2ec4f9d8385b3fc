using Conformance.Harness.Features;

namespace Harness.Tests.Features;

public sealed class FeatureCatalogTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private FeatureCatalog Write(string relativePath, string text)
    {
        var path = Path.Combine(_temp.Path, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return FeatureCatalog.Load(_temp.Path);
    }

    private const string Program = "    Given the worker program:\n      \"\"\"js\n      export default {};\n      \"\"\"\n    When the test handler runs\n    Then the trace matches the verified snapshot\n";

    [Fact]
    public void Rows_come_in_file_then_document_order_with_ids_from_path_and_slug()
    {
        var catalog = FeatureCatalog.Load(Fixtures.FeaturesSource);

        Assert.Equal(
        [
            "basics/malformed#parse-error",
            "basics/problems/a-scenario-without-a-profile",
            "basics/problems/same-name",
            "basics/problems/same-name#2",
            "basics/problems/an-unknown-step",
            "basics/run/run-returns-the-callback-s-value",
            "basics/run/the-store-is-visible-inside-a-request",
            "basics/run/a-top-level-throw-is-a-load-error",
        ], catalog.Entries.Select(e => e.Key));
        var first = catalog.Find("basics/run/run-returns-the-callback-s-value")!;
        Assert.Equal("Fixture: run and getStore / run returns the callback's value", first.DisplayName);
        Assert.Equal(["ALS-RUN-4", "ALS-RUN-1"], first.Tags.Requirements);
        Assert.Equal("documented", first.Tags.Profile);
        Assert.Null(first.Problem);
        Assert.EndsWith(Path.Combine("basics", "run.run-returns-the-callback-s-value.verified.txt"), first.VerifiedPath);
        Assert.Equal(0, first.PickleIndex);
        Assert.Equal(7, first.Line);
    }

    [Fact]
    public void A_malformed_file_is_one_failing_row_with_file_and_line_and_the_rest_still_load()
    {
        var catalog = Write("a/bad.feature", "Feature: bad\n\n  Scenario: fine\n    Given x\n  this is not gherkin\n");
        File.WriteAllText(Path.Combine(_temp.Path, "a", "good.feature"), "Feature: good\n\n  @documented\n  Scenario: ok\n" + Program);
        catalog = FeatureCatalog.Load(_temp.Path);

        var bad = Assert.Single(catalog.Entries, e => e.Feature.RelativePath == "a/bad.feature");
        Assert.Equal("a/bad#parse-error", bad.Key);
        Assert.Contains("features/a/bad.feature:5:", bad.Problem);
        var good = Assert.Single(catalog.Entries, e => e.Feature.RelativePath == "a/good.feature");
        Assert.Null(good.Problem);
    }

    [Fact]
    public void Scenarios_sharing_a_slug_both_fail_with_distinct_keys()
    {
        var catalog = Write("dup.feature", "Feature: d\n\n  @documented\n  Scenario: Same name\n" + Program + "\n  @documented\n  Scenario: same -- NAME\n" + Program);

        Assert.Equal(["dup/same-name", "dup/same-name#2"], catalog.Entries.Select(e => e.Key));
        Assert.All(catalog.Entries, e => Assert.Contains("share the slug \"same-name\"", e.Problem));
        Assert.All(catalog.Entries, e => Assert.Equal("dup/same-name", e.Id));
    }

    [Fact]
    public void An_outline_gives_one_row_per_example_named_by_its_placeholder()
    {
        var catalog = Write("o.feature",
            "Feature: o\n\n  @documented\n  Scenario Outline: with <n> requests\n    Given the worker program:\n      \"\"\"\n      export default {};\n      \"\"\"\n    When <n> requests are sent concurrently\n    Then the trace matches the verified snapshot\n\n    Examples:\n      | n |\n      | 1 |\n      | 2 |\n");

        Assert.Equal(["o/with-1-requests", "o/with-2-requests"], catalog.Entries.Select(e => e.Key));
        Assert.Equal([0, 1], catalog.Entries.Select(e => e.PickleIndex));
    }

    [Fact]
    public void A_missing_profile_tag_fails_the_row()
    {
        var catalog = Write("p.feature", "Feature: p\n\n  @ALS-RUN-1\n  Scenario: no profile\n" + Program);
        Assert.Contains("no profile tag", Assert.Single(catalog.Entries).Problem);
    }

    [Fact]
    public void Two_profile_tags_fail_the_row_and_feature_tags_count()
    {
        var catalog = Write("p.feature", "@documented\nFeature: p\n\n  @caveat\n  Scenario: two profiles\n" + Program);
        Assert.Contains("2 profile tags", Assert.Single(catalog.Entries).Problem);
    }

    [Fact]
    public void A_rule_is_recorded_for_its_scenarios()
    {
        var catalog = Write("r.feature", "Feature: r\n\n  Rule: the rule\n\n    @documented\n    Scenario: inside\n" + Program);
        var entry = Assert.Single(catalog.Entries);
        Assert.Equal("the rule", entry.Rule?.Title);
        Assert.Null(entry.Problem);
    }

    [Fact]
    public void A_missing_root_is_an_empty_catalog() =>
        Assert.Empty(FeatureCatalog.Load(Path.Combine(_temp.Path, "nothing-here")).Entries);
}
