using Conformance.Matrix.Model;

namespace Conformance.Matrix.Rendering;

/// <summary>
/// docs/coverage.md's figure for the rows generated from the inventory (issue 19, item 2): callbacks with a discriminating
/// row out of the model's callbacks, per module, and every callback without one with its reason.
/// </summary>
public static class SourceCoverage
{
    public static void Render(Action<string> line, IReadOnlyList<CallbackCoverage> coverage)
    {
        var rows = coverage.Count(c => c.Rows.Count > 0);
        line("");
        line("## Rows from the inventory's async sources");
        line("");
        line($"Callbacks with a discriminating row: {rows} of {coverage.Count}, in "
            + $"{coverage.SelectMany(c => c.Rows).Distinct().Count()} rows (`features/matrix/candidate-frames-source-*.feature`, "
            + "OBS-MATRIX-FRAMES-1), generated from the recipes of `tools/Conformance.Matrix/Data/` (`SourceRecipeSets.All`) for each "
            + "callback of each async source of `spec/inventory/model/`. Each row gives every candidate frame its own store, as above.");
        line("");
        line("| module | callbacks | with a row | with a reason, no row | no recipe yet |");
        line("|---|---|---|---|---|");
        foreach (var module in coverage.GroupBy(c => c.Callback.Module))
            line($"| {module.Key} | {module.Count()} | {module.Count(c => c.Rows.Count > 0)} | "
                + $"{module.Count(c => c.Rows.Count == 0 && c.Reason is not null)} | {module.Count(c => c.Rows.Count == 0 && c.Reason is null && c.Pending is not null)} |");
        line("");
        line("Callbacks without a row, by reason:");
        line("");
        foreach (var reason in coverage.Where(c => c.Rows.Count == 0 && c.Reason is not null).GroupBy(c => c.Reason!))
            line($"- {reason.Key.Reason} ({reason.Key.Module} {reason.Key.Path}, {reason.Count()} callbacks)");
        line("");
        line("Sources still without a recipe (what is left of issue 19, item 2; `SourceRecipeSets.NotYet`):");
        line("");
        foreach (var pending in coverage.Where(c => c.Rows.Count == 0 && c.Reason is null && c.Pending is not null).GroupBy(c => c.Pending!))
            line($"- {pending.Key.Module} {pending.Key.Path}: {pending.Count()} callbacks (would take {pending.Key.Reason})");
    }
}
