using System.Globalization;

namespace Conformance.Harness.Execution;

/// <summary>
/// Shard <see cref="Index"/> of <see cref="Count"/> (1-based, written "i/n"). Scenarios are dealt round-robin in the ordinal
/// order of their row keys over the whole catalog, so a scenario's shard depends neither on the filter nor on the machine.
/// </summary>
public sealed record ShardSpec(int Index, int Count)
{
    public static ShardSpec Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count >= 1 && index >= 1 && index <= count)
            return new ShardSpec(index, count);
        throw new FormatException($"\"{text}\" is not a shard: write i/n with 1 <= i <= n, e.g. 2/4");
    }

    /// <summary>The keys of <paramref name="allKeys"/> (the whole catalog) that belong to this shard.</summary>
    public IReadOnlySet<string> Select(IEnumerable<string> allKeys) =>
        allKeys.Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Where((_, position) => position % Count == Index - 1)
            .ToHashSet(StringComparer.Ordinal);

    public override string ToString() => $"{Index}/{Count}";
}
