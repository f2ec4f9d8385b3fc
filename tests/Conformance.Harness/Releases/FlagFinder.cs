namespace Conformance.Harness.Releases;

/// <summary>What governs a scenario that changed on a newer workerd release (issue 22, item 3; docs/releases.md, "Moving the workerd pin").</summary>
public enum FlagFindingKind { Flag, Date, Combination, None, Undetermined }

/// <summary>
/// The finding for one changed scenario: the flag (or flags) whose disable name gives back the baseline's outcome on the new
/// release, or the baseline's compatibility date doing so, or that neither does; with the probes run to find it.
/// </summary>
public sealed record FlagFinding(FlagFindingKind Kind, IReadOnlyList<DatedFlag> Flags, string? Date, IReadOnlyList<string> Probes)
{
    /// <summary>The flags the new release's bundled JavaScript newly reads, as a finding names them (see <see cref="WorkerdFlags.Compare"/>).</summary>
    public IReadOnlySet<string> NewlyRead { get; init; } = new HashSet<string>();

    public override string ToString()
    {
        string Named(DatedFlag f) => $"{f.Name} (enable date {f.Date}; off with {f.DisableName}" +
            (NewlyRead.Contains(f.Name) ? "; newly read by the new release's JavaScript)" : ")");
        var runs = $"{Probes.Count} run{(Probes.Count == 1 ? "" : "s")}";
        return Kind switch
        {
            FlagFindingKind.Flag => $"governed by flag {Named(Flags[0])}: with it off the new release gives the baseline's outcome ({runs})",
            FlagFindingKind.Date => $"governed by the compatibility date: at {Date} the new release gives the baseline's outcome ({runs})",
            FlagFindingKind.Combination => $"governed by these flags together, none alone: {string.Join(", ", Flags.Select(Named))} ({runs})",
            FlagFindingKind.Undetermined => $"not found within {runs}: {string.Join("; ", Probes.TakeLast(1))}",
            _ => $"no flag or date governs it: no set of the {Flags.Count} flags on at {Date} turned off gives the baseline's outcome ({runs})",
        };
    }
}

/// <summary>
/// Finds which compatibility flag or date governs a changed scenario with few runs of the new release (issue 22, item 3). First, when
/// the baseline ran at an earlier date, the new release at that date. Then the flags on at the new run's date, turned off by their
/// disable names: the suspects (flags the new release's JavaScript newly reads) before the rest, each set searched by halving.
/// A probe whose outcome is the baseline's keeps its set (halved until one flag is left); the new outcome clears its set; any other
/// outcome (turning off a flag the scenario needs, such as expose_global_message_channel, breaks it otherwise) splits the set
/// without a verdict, so one flag that breaks the program does not hide the one that governs it.
/// </summary>
public sealed class FlagFinder(Func<IReadOnlyList<DatedFlag>, Task<ObservedOutcome>> probeFlagsOff, Func<string, Task<ObservedOutcome>> probeDate,
    int maxProbes = 40)
{
    private readonly List<string> _probes = [];
    private readonly Dictionary<string, ObservedOutcome> _seen = new(StringComparer.Ordinal);

    /// <param name="baseline">The scenario's outcome on the baseline (the pin's list, or the baseline release's run).</param>
    /// <param name="changed">Its outcome on the new release.</param>
    /// <param name="onAtDate">The new release's date-gated flags on at the date the new release ran at.</param>
    /// <param name="baselineDate">The date the baseline ran at (null: the same as the new run's).</param>
    public async Task<FlagFinding> FindAsync(ObservedOutcome baseline, ObservedOutcome changed, IReadOnlyList<DatedFlag> onAtDate,
        IReadOnlyCollection<string> suspects, string newDate, string? baselineDate)
    {
        _probes.Clear();
        _seen.Clear();
        var newlyRead = suspects.ToHashSet(StringComparer.Ordinal);
        FlagFinding Finding(FlagFindingKind kind, IReadOnlyList<DatedFlag> flags, string? date) => new(kind, flags, date, [.. _probes]) { NewlyRead = newlyRead };

        if (baselineDate is not null && baselineDate != newDate)
        {
            var atDate = await probeDate(baselineDate);
            _probes.Add($"at {baselineDate}: {atDate}");
            if (atDate.SameAs(baseline)) return Finding(FlagFindingKind.Date, [], baselineDate);
        }
        var first = onAtDate.Where(f => newlyRead.Contains(f.Name)).ToList();
        var rest = onAtDate.Where(f => !newlyRead.Contains(f.Name)).ToList();
        foreach (var set in new[] { first, rest }.Where(s => s.Count > 0))
        {
            var found = await SearchAsync(set, [], baseline, changed);
            if (found is not null) return Finding(found.Count == 1 ? FlagFindingKind.Flag : FlagFindingKind.Combination, found, null);
            if (_probes.Count >= maxProbes) return Finding(FlagFindingKind.Undetermined, [], null);
        }
        return Finding(FlagFindingKind.None, onAtDate, newDate);
    }

    /// <summary>
    /// The flags of <paramref name="set"/> whose turning off (with <paramref name="alsoOff"/>) gives the baseline's outcome, else null:
    /// one flag, or, when no half does alone, the part of each half the other needs (found with that half kept off).
    /// </summary>
    private async Task<IReadOnlyList<DatedFlag>?> SearchAsync(IReadOnlyList<DatedFlag> set, IReadOnlyList<DatedFlag> alsoOff, ObservedOutcome baseline,
        ObservedOutcome changed)
    {
        if (_probes.Count >= maxProbes) return null;
        var outcome = await ProbeAsync([.. alsoOff, .. set], baseline, changed);
        if (outcome.SameAs(changed) && !outcome.SameAs(baseline)) return null;
        if (set.Count == 1) return outcome.SameAs(baseline) ? set : null;
        var (a, b) = (set.Take(set.Count / 2).ToList(), set.Skip(set.Count / 2).ToList());
        if ((await SearchAsync(a, alsoOff, baseline, changed) ?? await SearchAsync(b, alsoOff, baseline, changed)) is { } alone) return alone;
        if (!outcome.SameAs(baseline)) return null;
        // Neither half alone: the flags of b needed with all of a off, then the flags of a needed with those off.
        if (await SearchAsync(b, [.. alsoOff, .. a], baseline, changed) is not { } ofB) return set;
        return await SearchAsync(a, [.. alsoOff, .. ofB], baseline, changed) is { } ofA ? [.. ofA, .. ofB] : set;
    }

    /// <summary>One run with these flags off; the same set is run once however often the search asks for it.</summary>
    private async Task<ObservedOutcome> ProbeAsync(IReadOnlyList<DatedFlag> off, ObservedOutcome baseline, ObservedOutcome changed)
    {
        var key = string.Join(",", off.Select(f => f.Name).Order(StringComparer.Ordinal));
        if (_seen.TryGetValue(key, out var known)) return known;
        var outcome = _seen[key] = await probeFlagsOff(off);
        _probes.Add($"off {Describe(off)}: {outcome}{(outcome.SameAs(baseline) ? " (the baseline's)" : outcome.SameAs(changed) ? " (the new release's)" : "")}");
        return outcome;
    }

    private static string Describe(IReadOnlyList<DatedFlag> set) =>
        set.Count <= 3 ? string.Join(", ", set.Select(f => f.Name)) : $"{set.Count} flags ({set[0].Name} .. {set[^1].Name})";
}
