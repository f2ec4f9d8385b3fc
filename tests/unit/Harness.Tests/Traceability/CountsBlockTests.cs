using Conformance.Harness.Features;
using Conformance.Harness.Requirements;
using Conformance.Harness.Scenarios;

namespace Harness.Tests.Links;

/// <summary>The counts the READMEs state are generated from spec/ and features/ (issue 11): a stale block fails here.</summary>
public sealed class CountsBlockTests
{
    private static readonly string Root = RepositoryRoot.Find();

    private static string Block()
    {
        var spec = RequirementCatalog.Load(Root);
        return CountsBlock.Render(spec, FeatureCatalog.Load(Path.Combine(Root, "features"), spec.IdSet));
    }

    public static TheoryData<string> Files => new(CountsBlock.Files);

    [Theory]
    [MemberData(nameof(Files))]
    public void The_counts_block_is_up_to_date(string file)
    {
        var text = File.ReadAllText(Path.Combine(Root, file));
        Assert.True(CountsBlock.Rewrite(text, Block(), file) == text,
            $"{file}: the counts block is stale; run: dotnet run --project tests/Conformance.Cli -- counts");
    }

    [Fact]
    public void The_block_counts_ids_scenarios_profiles_and_errata()
    {
        var spec = RequirementCatalog.Parse("### ALS-RUN-1 — documented\n### EX-A-1 — documented\n### OBS-X-1\n", "## ERR-1 — a\n");
        var features = Path.Combine(Path.GetTempPath(), "counts-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(features);
        try
        {
            File.WriteAllText(Path.Combine(features, "f.feature"),
                "Feature: f\n\n  @ALS-RUN-1 @documented\n  Scenario: a\n    Given x\n\n  @OBS-X-1 @workerd-observed\n  Scenario: b\n    Given x\n\n  @EX-A-1 @erratum\n  Scenario: c\n    Given x\n");
            var block = CountsBlock.Render(spec, FeatureCatalog.Load(features, spec.IdSet));
            Assert.Contains("| 3: 2 clauses of the page (`ALS` 1, `EX` 1), 1 pinned to workerd", block);
            Assert.Contains("| 3 in 1 feature files: 1 documented, 0 caveat, 1 workerd-observed, 1 erratum |", block);
            Assert.Contains("| 1 of the page's 1 examples do not", block);
        }
        finally
        {
            Directory.Delete(features, recursive: true);
        }
    }

    [Fact]
    public void A_stale_block_is_rewritten_and_the_text_around_it_kept()
    {
        var text = $"# Title\n\n{CountsBlock.Begin}\n| | count |\n| old | 62 |\n{CountsBlock.End}\n\nafter\n";
        var rewritten = CountsBlock.Rewrite(text, "| new | 66 |\n", "README.md");
        Assert.Equal($"# Title\n\n{CountsBlock.Begin}\n| new | 66 |\n{CountsBlock.End}\n\nafter\n", rewritten);
        Assert.NotEqual(text, rewritten);
    }

    [Theory]
    [InlineData("no markers\n")]
    [InlineData("<!-- counts:end -->\n<!-- counts:begin (generated: dotnet run --project tests/Conformance.Cli -- counts; do not edit) -->\n")]
    public void A_text_without_one_pair_of_markers_is_an_error(string text)
    {
        var error = Assert.Throws<InvalidDataException>(() => CountsBlock.Rewrite(text, "x\n", "README.md"));
        Assert.Contains("README.md", error.Message);
    }
}
