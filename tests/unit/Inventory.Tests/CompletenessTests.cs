using Conformance.Harness.Scenarios;
using Conformance.Inventory.Check;
using Conformance.Inventory.Dump;
using Conformance.Inventory.Model;

namespace Inventory.Tests;

/// <summary>
/// Issue 19, item 1 (fast, no runtime): every member of the committed dump that can be called, read through a getter or handle
/// events is classified by the model, the model names nothing the dump lacks, and the modules not classified yet are exactly
/// those spec/inventory/unclassified.txt lists (printed with their member count, never passed over in silence).
/// </summary>
public sealed class CompletenessTests
{
    private static readonly string Root = RepositoryRoot.Find();

    [Fact]
    public void The_model_classifies_every_member_of_the_committed_dump_and_names_nothing_it_lacks()
    {
        var report = ModelAgreement.Check(InventoryDump.Load(Root), InventoryModel.Load(Root));
        Assert.True(report.Problems.Count == 0, $"{report.Problems.Count} disagreements:\n{string.Join("\n", report.Problems)}");
    }

    [Fact]
    public void The_modules_not_classified_yet_are_the_listed_gap_and_are_counted()
    {
        var model = InventoryModel.Load(Root);
        var report = ModelAgreement.Check(InventoryDump.Load(Root), model);
        var gap = report.Counts.Where(c => !c.Classified).ToArray();
        TestContext.Current.SendDiagnosticMessage(
            $"{gap.Length} modules not classified yet ({gap.Sum(c => c.Members)} members): {string.Join(", ", gap.Select(c => $"{c.Module} ({c.Members})"))}");
        Assert.Equal(model.Unclassified.Order(StringComparer.Ordinal), gap.Select(c => c.Module).Order(StringComparer.Ordinal));
        Assert.Contains(report.Counts, c => c.Classified && c.Module == InventoryDump.GlobalsModule);
    }

    [Fact]
    public void Every_async_source_has_a_callback_with_a_frame()
    {
        var sources = InventoryModel.Load(Root).AsyncSources(InventoryDump.Load(Root));
        Assert.NotEmpty(sources);
        Assert.All(sources, s => Assert.All(s.Callbacks, c => Assert.NotEmpty(c.Frames)));
        Assert.Contains(sources, s => s.Module == "globals" && s.Path == "setTimeout");
    }
}
