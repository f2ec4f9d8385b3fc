namespace Conformance.Matrix.Model;

/// <summary>
/// What covers one callback of the inventory: its rows, or the reason it has none, or the entry that names it as still
/// waiting for a recipe (<see cref="Pending"/>); <see cref="Covered"/> is false when it has none of the three.
/// </summary>
public sealed record CallbackCoverage(InventoryCallback Callback, IReadOnlyList<SourceRecipe> Rows, CallbackReason? Reason, CallbackReason? Pending)
{
    public bool Covered => Rows.Count > 0 || Reason is not null || Pending is not null;
}

/// <summary>
/// The rows generated from the inventory (issue 19, item 2): every callback of every async source of the model is matched
/// with the recipes that name it (module, path, the start of its callback text), or with the reason it has none.
/// </summary>
public static class SourceRowPlan
{
    /// <summary>
    /// The coverage of every callback in <paramref name="callbacks"/>. A recipe that names no callback of the model (a source
    /// renamed or reclassified, a typo), or two recipes with one label, is an <see cref="InvalidDataException"/>.
    /// </summary>
    public static IReadOnlyList<CallbackCoverage> Cover(
        IReadOnlyList<InventoryCallback> callbacks, IReadOnlyList<SourceRecipes> sets, IReadOnlyList<CallbackReason> reasons,
        IReadOnlyList<CallbackReason> notYet)
    {
        var recipes = sets.SelectMany(s => s.Recipes.Select(r => (Set: s, Recipe: r))).ToArray();
        bool Matches((SourceRecipes Set, SourceRecipe Recipe) r, InventoryCallback c) =>
            r.Set.Module == c.Module && r.Recipe.Path == c.Path && c.Callback.StartsWith(r.Recipe.Callback, StringComparison.Ordinal);

        var stale = recipes.Where(r => !callbacks.Any(c => Matches(r, c))).ToArray();
        if (stale.Length > 0)
            throw new InvalidDataException("recipes that name no callback of the inventory's model: "
                + string.Join("; ", stale.Select(r => $"{r.Set.Module} {r.Recipe.Path} \"{r.Recipe.Callback}\" ({r.Recipe.Label})")));
        var twice = recipes.GroupBy(r => r.Recipe.Label).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
            throw new InvalidDataException($"two recipes are labelled \"{twice.Key}\": a label names one row and one snapshot");

        return [.. callbacks.Select(c => new CallbackCoverage(c,
            [.. recipes.Where(r => Matches(r, c)).Select(r => r.Recipe)],
            reasons.FirstOrDefault(r => r.Covers(c)),
            notYet.FirstOrDefault(r => r.Covers(c))))];
    }

    /// <summary>The callbacks with no row, no reason and no entry in the list of those still waiting, one a line.</summary>
    public static IReadOnlyList<string> Uncovered(IReadOnlyList<CallbackCoverage> coverage) =>
        [.. coverage.Where(c => !c.Covered).Select(c => c.Callback.ToString())];
}
