using Conformance.Harness.Scenarios;
using Conformance.Matrix.Data;
using Conformance.Matrix.Model;
using Conformance.Matrix.Rendering;

namespace Harness.Tests.Matrix;

/// <summary>
/// The pairwise criterion of issue 19, item 3, over (source family, entered or captured, position): every pair that makes
/// sense is held by a generated row, and no generated row holds a pair that makes none.
/// </summary>
public sealed class PairwisePlanTests
{
    [Fact]
    public void Every_pair_that_makes_sense_is_held_by_a_generated_row()
    {
        var uncovered = PairwisePlan.Uncovered(MatrixPlan.All());
        Assert.True(uncovered.Count == 0,
            $"{PairwisePlan.Figure(MatrixPlan.All())}; uncovered: {string.Join("; ", uncovered.Take(20))}");
    }

    [Fact]
    public void The_criterion_counts_a_pair_as_uncovered_when_its_only_row_is_missing()
    {
        // A pair only one row holds: without that row the criterion must report it (the check above can fail).
        var rows = MatrixPlan.All().ToArray();
        var counts = rows.SelectMany(PairwisePlan.PairsOf).GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());
        var lonely = rows.First(r => PairwisePlan.PairsOf(r).Any(p => counts[p] == 1));
        var before = PairwisePlan.Uncovered(rows);
        var after = PairwisePlan.Uncovered(rows.Where(r => r != lonely));
        var missing = after.Except(before).ToArray();
        Assert.NotEmpty(missing);
        Assert.All(missing, p => Assert.Contains(p, PairwisePlan.PairsOf(lonely)));
        Assert.Equal($"pairs covered {PairwisePlan.Possible.Count - after.Count} of {PairwisePlan.Possible.Count} possible",
            PairwisePlan.Figure(rows.Where(r => r != lonely)));
    }

    [Fact]
    public void A_pair_that_makes_no_sense_has_a_reason_is_not_possible_and_no_row_holds_it()
    {
        Assert.NotEmpty(PairwisePlan.Senseless);
        var held = MatrixPlan.All().SelectMany(PairwisePlan.PairsOf).ToHashSet();
        Assert.All(PairwisePlan.Senseless, s =>
        {
            Assert.False(string.IsNullOrWhiteSpace(s.Reason), $"{s.Pair} has no reason");
            Assert.DoesNotContain(s.Pair, PairwisePlan.Possible);
            Assert.DoesNotContain(s.Pair, held);
        });
        Assert.All(LeftOutList.Pairs, rule => Assert.Contains(PairwisePlan.Senseless, s => rule.Matches(s.Pair)));
    }

    [Fact]
    public void The_added_rows_are_new_and_none_is_one_a_rule_drops()
    {
        var design = MatrixPlan.DesignRows().Select(Key).ToHashSet();
        Assert.NotEmpty(PairwisePlan.Added);
        Assert.All(PairwisePlan.Added, row =>
        {
            Assert.DoesNotContain(Key(row), design);
            Assert.DoesNotContain(LeftOutList.Rows, rule => rule.Matches(row));
            Assert.DoesNotContain(LeftOutList.PairwiseRows, rule => rule.Matches(row));
        });
        Assert.Equal(PairwisePlan.Added.Count, PairwisePlan.Added.Select(Key).Distinct().Count());
    }

    [Fact]
    public void The_figure_is_in_the_coverage_page()
    {
        var coverage = CoverageRenderer.Render(SurfaceSummary.Load(RepositoryRoot.Find()));
        Assert.Contains(PairwisePlan.Figure(MatrixPlan.All()), coverage);
    }

    private static string Key(MatrixRow row) => $"{row.Family.File}|{row.Source.Label}|{row.Entry.Label}|{row.Position.Label}";
}
