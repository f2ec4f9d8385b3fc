using Conformance.Harness.Features;
using Conformance.Harness.Requirements;
using Conformance.Harness.Scenarios;
using Conformance.Matrix;
using Conformance.Matrix.Data;
using Conformance.Matrix.Model;
using Conformance.Matrix.Rendering;

namespace Harness.Tests.Matrix;

/// <summary>
/// The cross-cutting dimensions (issue 8, point 2) and the surface summary of docs/coverage.md (point 5): rows render
/// as outlines whose labels are safe in the program, and the coverage counts are those of the files.
/// </summary>
public sealed class CrossCuttingTests
{
    private static readonly string Root = RepositoryRoot.Find();

    private static CrossDimension WithLabel(string label) => new("cross-bad", "bad", "bad",
        [new CrossOutline("the row <case>", Documented: false, ["OBS-MATRIX-THIS-1"], ["console.log('<case>', <code>);"], [new CrossCase(label, "1")])]);

    [Fact] // the README's counts tell cross-cutting rows from propagation rows by this file name prefix
    public void Cross_cutting_files_and_only_they_carry_the_prefix_the_counts_block_counts()
    {
        Assert.All(CrossCuttingDimensions.All, d =>
            Assert.StartsWith(CountsBlock.CrossCuttingPrefix, $"{MatrixOutput.FeatureFolder}/{d.File}".Replace("features/", "")));
        Assert.All(Families.All, f =>
            Assert.False($"{MatrixOutput.FeatureFolder}/{f.File}".Replace("features/", "").StartsWith(CountsBlock.CrossCuttingPrefix, StringComparison.Ordinal), f.File));
    }

    [Theory]
    [InlineData("it's")]
    [InlineData("a \"quoted\" label")]
    [InlineData("a back\\slash")]
    public void A_label_that_would_break_the_program_is_refused_with_the_file_named(string label)
    {
        var error = Assert.Throws<InvalidDataException>(() => CrossCuttingRenderer.Render(WithLabel(label)));
        Assert.Contains("cross-bad", error.Message);
        Assert.Contains(label, error.Message);
    }

    [Fact]
    public void Each_value_is_one_row_and_the_coverage_total_is_the_number_of_scenarios()
    {
        using var temp = new TempDirectory();
        MatrixGeneratorTests.WriteModel(temp.Path, Root);
        var rows = FeatureCatalog.Load(Path.Combine(temp.Path, "features")).Entries
            .Count(e => e.PickleIndex >= 0 && e.Feature.RelativePath.Replace('\\', '/').StartsWith(CountsBlock.CrossCuttingPrefix, StringComparison.Ordinal));

        var expected = CrossCuttingDimensions.All.Sum(d => d.Rows);
        Assert.Equal(expected, rows);
        Assert.Contains($"{expected} rows in {CrossCuttingDimensions.All.Count} dimensions", File.ReadAllText(Path.Combine(temp.Path, MatrixOutput.CoveragePath)));
    }

    [Fact]
    public void The_surface_summary_counts_entries_per_area_and_leaves_workerd_internal_ones_out_of_the_checked()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(temp.Path, "spec", "surface"));
        File.WriteAllText(Path.Combine(temp.Path, SurfaceSummary.DescriptionPath), """
            {"areas": [{"id": "a", "title": "area a", "requirement": "SURF-A-1"}, {"id": "b", "title": "area b", "requirement": "SURF-B-1"}],
             "entries": [{"area": "a"}, {"area": "a", "workerdInternal": true}, {"area": "b"}]}
            """);

        var summary = SurfaceSummary.Load(temp.Path);

        Assert.Equal([("a", 2, 1), ("b", 1, 1)], summary.Areas.Select(a => (a.Id, a.Entries, a.Generated)));
        Assert.Equal((3, 2), (summary.Entries, summary.Generated));
    }

    [Theory]
    [InlineData("""{"areas": [], "entries": [{"area": "nowhere"}]}""", "nowhere")]
    [InlineData("""{"areas": [{"id": "a"}], "entries": []}""", "cannot be summarised")]
    [InlineData("not json", "cannot be summarised")]
    [InlineData(null, "cannot be summarised")]
    public void A_missing_or_malformed_description_is_an_error_naming_the_file(string? json, string expected)
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(temp.Path, "spec", "surface"));
        if (json is not null) File.WriteAllText(Path.Combine(temp.Path, SurfaceSummary.DescriptionPath), json);

        var error = Assert.Throws<InvalidDataException>(() => SurfaceSummary.Load(temp.Path));
        Assert.Contains(SurfaceSummary.DescriptionPath, error.Message);
        Assert.Contains(expected, error.Message);
    }
}
