using Conformance.Matrix.Data;

namespace Conformance.Matrix.Model;

/// <summary>
/// Which combinations are generated (the covering design that <see cref="LeftOutList.Combinations"/> explains): every
/// source × every position under <see cref="EntryForms.Run"/>, and each family's first source × every other entry form
/// <see cref="Positions.AfterOneAwait"/>; less the rows <see cref="LeftOutList.Rows"/> drops, each rule with its reason.
/// </summary>
public static class MatrixPlan
{
    /// <summary>One source's rows: its rows of the covering design, then those the pairwise generator adds.</summary>
    public static IEnumerable<MatrixRow> RowsOf(SourceFamily family, AsyncSource source) =>
        All().Where(row => ReferenceEquals(row.Family, family) && ReferenceEquals(row.Source, source));

    /// <summary>The covering design's rows of one source, before <see cref="LeftOutList.Rows"/> drops any.</summary>
    public static IEnumerable<MatrixRow> DesignRowsOf(SourceFamily family, AsyncSource source)
    {
        foreach (var position in Positions.All)
            yield return new MatrixRow(family, source, EntryForms.Run, position);
        if (!ReferenceEquals(source, family.Sources[0])) yield break;
        foreach (var entry in EntryForms.All.Where(e => !ReferenceEquals(e, EntryForms.Run)))
            yield return new MatrixRow(family, source, entry, Positions.AfterOneAwait);
    }

    /// <summary>The covering design's rows, less those <see cref="LeftOutList.Rows"/> drops.</summary>
    public static IEnumerable<MatrixRow> DesignRows() =>
        Families.All.SelectMany(family => family.Sources.SelectMany(source => DesignRowsOf(family, source)))
            .Where(row => !LeftOutList.Rows.Any(rule => rule.Matches(row)));

    /// <summary>Every generated row: <see cref="DesignRows"/>, then the rows <see cref="PairwisePlan"/> adds (issue 19, item 3).</summary>
    public static IEnumerable<MatrixRow> All() => DesignRows().Concat(PairwisePlan.Added);
}
