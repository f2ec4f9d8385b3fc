using Conformance.Matrix.Data;
using Conformance.Matrix.Model;
using Conformance.Matrix.Rendering;

namespace Generate.Tests;

/// <summary>
/// The rows generated from the inventory (issue 19, item 2): every callback of every async source of spec/inventory/model/
/// has a discriminating row, a reason, or an entry among the sources still waiting for a recipe; the recipes name callbacks
/// the model has; and the waiting list does not hide a callback that already has a row.
/// </summary>
public sealed class SourceRowTests
{
    private static readonly IReadOnlyList<InventoryCallback> Callbacks = InventoryCallbacks.Load(TempTree.Repository);

    private static IReadOnlyList<CallbackCoverage> Coverage() =>
        SourceRowPlan.Cover(Callbacks, SourceRecipeSets.All, SourceRecipeSets.Reasons, SourceRecipeSets.NotYet);

    [Fact]
    public void Every_callback_of_the_model_has_a_row_a_reason_or_is_named_as_waiting_for_a_recipe()
    {
        Assert.True(Callbacks.Count > 400, $"the model gave {Callbacks.Count} callbacks");
        var uncovered = SourceRowPlan.Uncovered(Coverage());
        Assert.True(uncovered.Count == 0, $"{uncovered.Count} callbacks of spec/inventory/model/ have no row and no reason:\n" + string.Join("\n", uncovered));
    }

    [Fact]
    public void A_source_waiting_for_a_recipe_has_no_row_yet()
    {
        var hidden = Coverage().Where(c => c.Rows.Count > 0 && c.Pending is not null).Select(c => c.Callback.ToString()).ToArray();
        Assert.True(hidden.Length == 0, "rows exist for callbacks SourceRecipeSets.NotYet still names:\n" + string.Join("\n", hidden));
    }

    [Fact]
    public void A_callback_without_a_row_makes_the_completeness_check_fail()
    {
        var withoutEvents = SourceRecipeSets.All.Where(s => s != NodeEventsRecipes.Events).ToArray();
        var uncovered = SourceRowPlan.Uncovered(SourceRowPlan.Cover(Callbacks, withoutEvents, SourceRecipeSets.Reasons, SourceRecipeSets.NotYet));
        Assert.Contains("node:events EventEmitter.prototype.emit: every listener of the event (and 'error' handling)", uncovered);
    }

    [Fact]
    public void A_recipe_that_names_no_callback_of_the_model_is_an_error()
    {
        var stale = new SourceRecipes("node:events", "stale", "Stale",
            [new("EventEmitter.prototype.noSuchMethod", "the listener", "a stale recipe", "null", "", "", "args.length")]);
        var error = Assert.Throws<InvalidDataException>(() =>
            SourceRowPlan.Cover(Callbacks, [.. SourceRecipeSets.All, stale], SourceRecipeSets.Reasons, SourceRecipeSets.NotYet));
        Assert.Contains("EventEmitter.prototype.noSuchMethod", error.Message);
    }

    [Fact]
    public void Every_generated_row_is_in_a_feature_with_its_label_as_the_row_name()
    {
        var rows = SourceRecipeSets.All.SelectMany(s => s.Family.Rows).ToArray();
        Assert.Equal(rows.Length, rows.Select(r => r.Callback).Distinct().Count());
        foreach (var set in SourceRecipeSets.All)
        {
            var feature = File.ReadAllText(Path.Combine(TempTree.Repository, "features/matrix", set.Family.File + ".feature"));
            Assert.All(set.Recipes, r => Assert.Contains("| " + r.Label + " ", feature, StringComparison.Ordinal));
        }
    }
}
