using Conformance.Matrix.Data;

namespace Conformance.Matrix.Model;

/// <summary>One value of a pairwise dimension: "source family", "entered or captured" or "position", and its label.</summary>
public sealed record PairValue(string Dimension, string Label)
{
    public override string ToString() => $"{Dimension} \"{Label}\"";
}

/// <summary>Two values of different dimensions that some row must hold together.</summary>
public sealed record Pair(PairValue First, PairValue Second)
{
    public override string ToString() => $"{First} × {Second}";
}

/// <summary>A pair that makes no sense, and why: no row may hold it, and it is not counted as possible.</summary>
public sealed record SenselessPair(Pair Pair, string Reason);

/// <summary>
/// The deterministic covering-array generator of issue 19, item 3, over (source family, how the frame is entered or
/// captured, where the operation is created): every pair of values of two dimensions that makes sense is held by some row.
/// It starts from the rows <see cref="MatrixPlan.DesignRows"/> already makes and adds, greedily, for the first pair still
/// uncovered (in dimension order), the row holding it that covers the most uncovered pairs (of those, the one whose family
/// has the fewest added rows, then the first in dimension order); a family's added rows take its sources in turn from its
/// second, so the rows spread over every family and every source.
/// </summary>
public static class PairwisePlan
{
    public const string Family = "source family", Entry = "entered or captured", Where = "position";

    private static readonly Lazy<Plan> Computed = new(Compute);

    /// <summary>Every pair that makes sense, in dimension order.</summary>
    public static IReadOnlyList<Pair> Possible => Computed.Value.Possible;

    /// <summary>The pairs that make no sense, with the reason (<see cref="LeftOutList.Pairs"/>, and the rows it drops).</summary>
    public static IReadOnlyList<SenselessPair> Senseless => Computed.Value.Senseless;

    /// <summary>The rows the generator adds to <see cref="MatrixPlan.DesignRows"/>.</summary>
    public static IReadOnlyList<MatrixRow> Added => Computed.Value.Added;

    public static IEnumerable<Pair> PairsOf(MatrixRow row)
    {
        PairValue family = new(Family, row.Family.File), entry = new(Entry, row.Entry.Label), position = new(Where, row.Position.Label);
        yield return new(family, entry);
        yield return new(family, position);
        yield return new(entry, position);
    }

    /// <summary>The pairs of <see cref="Possible"/> that no row of <paramref name="rows"/> holds.</summary>
    public static IReadOnlyList<Pair> Uncovered(IEnumerable<MatrixRow> rows)
    {
        var held = rows.SelectMany(PairsOf).ToHashSet();
        return [.. Possible.Where(p => !held.Contains(p))];
    }

    /// <summary>"pairs covered N of M possible" for <paramref name="rows"/>.</summary>
    public static string Figure(IEnumerable<MatrixRow> rows) =>
        $"pairs covered {Possible.Count - Uncovered(rows).Count} of {Possible.Count} possible";

    private sealed record Plan(IReadOnlyList<Pair> Possible, IReadOnlyList<SenselessPair> Senseless, IReadOnlyList<MatrixRow> Added);

    private static Plan Compute()
    {
        var families = Families.All;
        var entries = EntryForms.Pairwise;
        var positions = Positions.All;
        var all = new List<Pair>();
        foreach (var f in families) foreach (var e in entries) all.Add(PairsOf(new(f, f.Sources[0], e, positions[0])).First());
        foreach (var f in families) foreach (var p in positions) all.Add(PairsOf(new(f, f.Sources[0], entries[0], p)).ElementAt(1));
        foreach (var e in entries) foreach (var p in positions) all.Add(PairsOf(new(families[0], families[0].Sources[0], e, p)).Last());

        var senseless = new List<SenselessPair>();
        foreach (var pair in all)
        {
            var reason = LeftOutList.Pairs.FirstOrDefault(rule => rule.Matches(pair))?.Reason ?? DroppedEverywhere(pair, families, entries, positions);
            if (reason is not null) senseless.Add(new(pair, reason));
        }
        var senselessSet = senseless.Select(s => s.Pair).ToHashSet();
        var possible = all.Where(p => !senselessSet.Contains(p)).ToArray();

        var covered = MatrixPlan.DesignRows().SelectMany(PairsOf).ToHashSet();
        var added = new List<MatrixRow>();
        var turns = families.ToDictionary(f => f, _ => 1);
        foreach (var target in possible)
        {
            if (covered.Contains(target)) continue;
            var best = (from f in families from e in entries from p in positions
                        let row = NextSource(f, e, p, turns[f])
                        where row is not null
                        let pairs = PairsOf(row).ToArray()
                        where pairs.Contains(target) && !pairs.Any(senselessSet.Contains)
                        select (Row: row, Gain: pairs.Count(x => !covered.Contains(x))))
                       .OrderByDescending(c => c.Gain).ThenBy(c => added.Count(r => r.Family == c.Row.Family)).FirstOrDefault().Row
                ?? throw new InvalidOperationException($"no row can hold the pair {target}: name it in LeftOutList.Pairs with its reason");
            turns[best.Family] = best.Family.Sources.ToList().IndexOf(best.Source) + 1;
            added.Add(best);
            covered.UnionWith(PairsOf(best));
        }
        return new(possible, senseless, added);
    }

    /// <summary>The family's row with the first source from its turn on that no rule drops, or null.</summary>
    private static MatrixRow? NextSource(SourceFamily family, EntryForm entry, Position position, int turn) =>
        Enumerable.Range(turn, family.Sources.Count)
            .Select(i => new MatrixRow(family, family.Sources[i % family.Sources.Count], entry, position))
            .FirstOrDefault(row => !LeftOutList.Rows.Any(rule => rule.Matches(row)) && !LeftOutList.PairwiseRows.Any(rule => rule.Matches(row)));

    /// <summary>A pair every row of which a rule of <see cref="LeftOutList.Rows"/> drops makes no sense for that rule's reason.</summary>
    private static string? DroppedEverywhere(Pair pair, IReadOnlyList<SourceFamily> families, IReadOnlyList<EntryForm> entries, IReadOnlyList<Position> positions)
    {
        var rows = (from f in families from e in entries from p in positions
                    let row = new MatrixRow(f, f.Sources[0], e, p)
                    where PairsOf(row).Contains(pair)
                    select row).ToArray();
        var rules = rows.Select(row => LeftOutList.Rows.FirstOrDefault(rule => rule.Matches(row))).ToArray();
        return rules.All(r => r is not null) ? rules[0]!.Reason : null;
    }
}
