using Conformance.Harness.Features;
using Conformance.Harness.Requirements;
using Conformance.Harness.Scenarios;

namespace Harness.Tests.Links;

/// <summary>
/// The counts the READMEs state are computed from spec/ and features/ (issue 11). That the committed blocks are up to date, and how a
/// block is rewritten, are tests/unit/Generate.Tests'.
/// </summary>
public sealed class CountsBlockTests
{
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
}
