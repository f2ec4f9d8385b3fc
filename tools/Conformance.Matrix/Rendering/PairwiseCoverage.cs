using Conformance.Matrix.Data;
using Conformance.Matrix.Model;

namespace Conformance.Matrix.Rendering;

/// <summary>docs/coverage.md's pairwise criterion (issue 19, item 3): the figure, the dimensions, and how many rows the generator adds.</summary>
public static class PairwiseCoverage
{
    public static void Render(Action<string> line, IReadOnlyList<MatrixRow> rows)
    {
        line("");
        line("## Pairwise criterion");
        line("");
        line($"Over ({PairwisePlan.Family}, {PairwisePlan.Entry}, {PairwisePlan.Where}): {PairwisePlan.Figure(rows)}; "
            + $"{PairwisePlan.Senseless.Count} pairs make no sense (\"Left out\", \"Pairs of the pairwise criterion\"). The "
            + $"deterministic covering-array generator (`tools/Conformance.Matrix/Model/PairwisePlan.cs`) adds {PairwisePlan.Added.Count} "
            + $"rows to the covering design's {rows.Count - PairwisePlan.Added.Count}; a family's added rows take its sources in turn. "
            + $"The {EntryForms.Pairwise.Count} ways to enter or capture a frame are the entry forms and the compositions "
            + string.Join("; ", EntryForms.Compositions.Select(c => c.Label)) + ".");
    }
}
