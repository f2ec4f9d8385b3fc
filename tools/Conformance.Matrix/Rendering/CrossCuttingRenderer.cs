using System.Text;
using Conformance.Matrix.Model;

namespace Conformance.Matrix.Rendering;

/// <summary>
/// One cross-cutting dimension's feature file: a Scenario Outline per <see cref="CrossOutline"/>, its rows the dimension's
/// values (case, code), one Examples block per set of row-level clause ids (tags as in <see cref="FeatureRenderer"/>).
/// </summary>
public static class CrossCuttingRenderer
{
    public static string Render(CrossDimension dimension)
    {
        // A label is also a JS string literal in the program ('<case>') and a snapshot name: no quote, no backslash.
        var bad = dimension.Outlines.SelectMany(o => o.Cases).FirstOrDefault(c => c.Label.IndexOfAny(['\'', '"', '\\', '\n']) >= 0);
        if (bad is not null)
            throw new InvalidDataException($"{dimension.File}: the case label \"{bad.Label}\" holds a quote, a backslash or a line feed");
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');

        Line($"Feature: Cross-cutting: {dimension.Title}");
        Line("  " + dimension.Description);
        Line("  Every row records only what is deterministic on every runtime: identities, types and booleans, never a count,");
        Line("  an address or a time. Coverage and what is left out: docs/coverage.md.");
        foreach (var outline in dimension.Outlines)
        {
            Line();
            Line("  " + GherkinText.Tags(outline.Requirements.Append(outline.Documented ? "documented" : "workerd-observed")));
            Line($"  Scenario Outline: {outline.Title}");
            Line("    Given the worker program:");
            Line("      \"\"\"js");
            foreach (var line in outline.Program) Line(line.Length == 0 ? "" : "      " + line);
            Line("      \"\"\"");
            Line("    When the test handler runs");
            Line("    Then the trace matches the verified snapshot");
            foreach (var block in outline.Cases.GroupBy(c => string.Join(" ", c.Requirements ?? [])))
            {
                Line();
                if (block.Key.Length > 0) Line("    " + GherkinText.Tags(block.First().Requirements!));
                Line("    Examples:");
                var rows = block.Select(c => (IReadOnlyList<string>)[c.Label, c.Code]).ToArray();
                foreach (var line in GherkinText.Table("      ", ["case", "code"], rows)) Line(line);
            }
        }
        return text.ToString();
    }
}
