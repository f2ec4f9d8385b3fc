using System.Text;
using Conformance.Matrix.Data;
using Conformance.Matrix.Model;

namespace Conformance.Matrix.Rendering;

/// <summary>
/// docs/coverage.md: the dimensions, the number of rows in each cell, the cross-cutting dimensions, the surface entries
/// checked (<paramref name="surface"/>), and what is left out with its reason.
/// </summary>
public static class CoverageRenderer
{
    public static string Render(SurfaceSummary surface, IReadOnlyList<CallbackCoverage>? sources = null)
    {
        var rows = MatrixPlan.All().ToArray();
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');

        Line("# Propagation matrix coverage");
        Line();
        Line($"{rows.Length} rows: {Families.All.Count} source families, {Families.All.Sum(f => f.Sources.Count)} sources, "
            + $"{EntryForms.Pairwise.Count} entry forms, {Positions.All.Count} positions (the full product would be "
            + $"{Families.All.Sum(f => f.Sources.Count) * EntryForms.Pairwise.Count * Positions.All.Count} rows; see \"Left out\").");
        PairwiseCoverage.Render(Line, rows);
        Line();
        Line("## Rows per source family and entry form");
        Line();
        Cells(Line, rows, EntryForms.Pairwise.Select(e => e.Label).ToArray(), r => r.Entry.Label);
        Line();
        Line("## Rows per source family and position");
        Line();
        Cells(Line, rows, Positions.All.Select(p => p.Label).ToArray(), r => r.Position.Label);
        Line();
        Line("## Sources");
        Line();
        Line("| family | feature | profile | requirement ids | sources |");
        Line("|---|---|---|---|---|");
        foreach (var family in Families.All)
            Line($"| {family.Title} | `features/matrix/{family.File}.feature` | {(family.Documented ? "documented" : "workerd-observed")} | "
                + $"{string.Join(", ", family.Requirements)} | {string.Join("; ", family.Sources.Select(s => s.Label))} |");
        FrameCoverage.Render(Line);
        if (sources is not null) SourceCoverage.Render(Line, sources);
        CrossCutting(Line);
        Surface(Line, surface);
        Line();
        Line("## Left out");
        Section(Line, "Combinations", LeftOutList.Combinations);
        Section(Line, "Rows", LeftOutList.Rows.Select(r => new LeftOut(r.What, r.Reason)).ToArray());
        Section(Line, "Rows the pairwise generator skips (it takes the family's next source)", LeftOutList.PairwiseRows.Select(r => new LeftOut(r.What, r.Reason)).ToArray());
        Section(Line, "Pairs of the pairwise criterion", PairwisePlan.Senseless.Select(p => new LeftOut(p.Pair.ToString(), p.Reason)).ToArray());
        Section(Line, "Entry forms", LeftOutList.EntryForms);
        Section(Line, "Asynchronous sources", LeftOutList.Sources);
        Section(Line, "Cross-cutting values", CrossCuttingDimensions.LeftOut);
        return text.ToString();
    }

    private static void CrossCutting(Action<string> line)
    {
        var dimensions = CrossCuttingDimensions.All;
        line("");
        line("## Cross-cutting dimensions");
        line("");
        line($"{dimensions.Sum(d => d.Rows)} rows in {dimensions.Count} dimensions, each value one row of a Scenario Outline; the "
            + "rows record identities, types and booleans only (never a count, an address or a time).");
        line("");
        line("| dimension | feature | outline | profile | requirement ids | rows | values |");
        line("|---|---|---|---|---|---:|---|");
        foreach (var dimension in dimensions)
            foreach (var outline in dimension.Outlines)
            {
                var ids = outline.Requirements.Concat(outline.Cases.SelectMany(c => c.Requirements ?? [])).Distinct();
                line($"| {dimension.Title} | `features/matrix/{dimension.File}.feature` | `{outline.Title}` | "
                    + $"{(outline.Documented ? "documented" : "workerd-observed")} | {string.Join(", ", ids)} | {outline.Cases.Count} | "
                    + $"{string.Join("; ", outline.Cases.Select(c => c.Label))} |");
            }
        line($"| **total** | | | | | {dimensions.Sum(d => d.Rows)} | |");
    }

    private static void Surface(Action<string> line, SurfaceSummary surface)
    {
        line("");
        line("## Surface entries checked");
        line("");
        line($"`{SurfaceSummary.DescriptionPath}` describes {surface.Entries} entries of `node:async_hooks` as workerd exposes them; "
            + $"{surface.Generated} are generated as scenarios in `features/surface/` and checked on every target, the other "
            + $"{surface.Entries - surface.Generated} (workerd's internal keys) only by a workerd dump (`spec/surface/README.md`).");
        line("");
        line("| area | requirement id | entries | checked on every target |");
        line("|---|---|---:|---:|");
        foreach (var area in surface.Areas) line($"| {area.Title} | {area.Requirement} | {area.Entries} | {area.Generated} |");
        line($"| **total** | | {surface.Entries} | {surface.Generated} |");
    }

    private static void Cells(Action<string> line, IReadOnlyList<MatrixRow> rows, IReadOnlyList<string> columns, Func<MatrixRow, string> column)
    {
        line("| family | " + string.Join(" | ", columns) + " | total |");
        line("|---|" + string.Concat(columns.Select(_ => "---:|")) + "---:|");
        foreach (var family in Families.All)
        {
            var mine = rows.Where(r => r.Family == family).ToArray();
            line($"| {family.Title} | " + string.Join(" | ", columns.Select(c => mine.Count(r => column(r) == c))) + $" | {mine.Length} |");
        }
        line("| **total** | " + string.Join(" | ", columns.Select(c => rows.Count(r => column(r) == c))) + $" | {rows.Count} |");
    }

    private static void Section(Action<string> line, string title, IReadOnlyList<LeftOut> items)
    {
        line("");
        line($"### {title}");
        line("");
        line("| left out | reason |");
        line("|---|---|");
        foreach (var item in items) line($"| {item.What} | {item.Reason} |");
    }
}
