using Conformance.Harness.Releases;

namespace Harness.Tests.Releases;

/// <summary>
/// The watch's flag finding (issue 22, item 3) on fake outcomes, no workerd: which flag or date gives back the baseline's outcome
/// on the new release, and in how few runs. The fake mirrors what workerd 1.20261201.1 did for the MessagePort scenario
/// (docs/releases.md): 65 flags on at 2026-11-17; with no_set_event_target_this the old trace comes back; with
/// no_expose_global_message_channel (or no_nodejs_compat) the program throws ReferenceError, whatever else is off.
/// </summary>
public sealed class FlagFinderTests
{
    private static readonly ObservedOutcome Baseline = new("FAIL", "725a0427ad2d");
    private static readonly ObservedOutcome Changed = new("PASS", null);
    private static readonly ObservedOutcome Breaks = new("FAIL", "0b7e5a1c9d22");

    private static readonly IReadOnlyList<DatedFlag> OnAtDate = [.. Enumerable.Range(0, 62).Select(i => new DatedFlag($"flag_{i:D2}", $"no_flag_{i:D2}", "2024-01-01"))
        .Concat([Flag("expose_global_message_channel", "2025-08-15"), Flag("nodejs_compat", "2026-08-04"), Flag("set_event_target_this", "2025-08-01")])
        .OrderBy(f => f.Name, StringComparer.Ordinal)];

    private static DatedFlag Flag(string name, string date) => new(name, "no_" + name, date);

    private static Func<IReadOnlyList<DatedFlag>, Task<ObservedOutcome>> MessagePort(List<IReadOnlyList<DatedFlag>> runs) => off =>
    {
        runs.Add(off);
        var names = off.Select(f => f.Name).ToHashSet();
        return Task.FromResult(names.Contains("expose_global_message_channel") || names.Contains("nodejs_compat") ? Breaks
            : names.Contains("set_event_target_this") ? Baseline : Changed);
    };

    private static Task<ObservedOutcome> NoDate(string date) => throw new InvalidOperationException($"no date probe expected ({date})");

    [Fact]
    public async Task Halving_names_the_flag_past_the_flags_that_break_the_program_in_few_runs()
    {
        var runs = new List<IReadOnlyList<DatedFlag>>();
        var finding = await new FlagFinder(MessagePort(runs), NoDate).FindAsync(Baseline, Changed, OnAtDate, [], "2026-11-17", "2026-11-17");
        Assert.Equal(FlagFindingKind.Flag, finding.Kind);
        Assert.Equal("set_event_target_this", Assert.Single(finding.Flags).Name);
        Assert.Equal(runs.Count, finding.Probes.Count);
        Assert.InRange(runs.Count, 7, 30); // one run per flag would be 65; 21 on the real binaries (docs/releases.md)
        Assert.Equal(runs.Count, runs.Select(r => string.Join(",", r.Select(f => f.Name).Order())).Distinct().Count());
        Assert.StartsWith("governed by flag set_event_target_this (enable date 2025-08-01; off with no_set_event_target_this)", finding.ToString());
    }

    [Fact]
    public async Task A_suspect_the_new_release_newly_reads_is_tried_first_and_named_in_one_run()
    {
        var runs = new List<IReadOnlyList<DatedFlag>>();
        var finding = await new FlagFinder(MessagePort(runs), NoDate).FindAsync(Baseline, Changed, OnAtDate, ["set_event_target_this"], "2026-11-17", null);
        Assert.Equal(("set_event_target_this", 1), (Assert.Single(finding.Flags).Name, runs.Count));
        Assert.Contains("newly read by the new release's JavaScript", finding.ToString());
    }

    [Fact]
    public async Task A_change_no_flag_gives_back_is_governed_by_neither()
    {
        var runs = new List<IReadOnlyList<DatedFlag>>();
        Task<ObservedOutcome> Unmoved(IReadOnlyList<DatedFlag> off) { runs.Add(off); return Task.FromResult(Changed); }
        var finding = await new FlagFinder(Unmoved, NoDate).FindAsync(Baseline, Changed, OnAtDate, [], "2026-11-17", null);
        Assert.Equal((FlagFindingKind.None, 1), (finding.Kind, runs.Count)); // all 65 off, the new outcome: no flag is searched further
        Assert.StartsWith("no flag or date governs it: no set of the 65 flags on at 2026-11-17 turned off", finding.ToString());

        runs.Clear();
        Task<ObservedOutcome> BreaksOnly(IReadOnlyList<DatedFlag> off) { runs.Add(off); return Task.FromResult(off.Any(f => f.Name == "nodejs_compat") ? Breaks : Changed); }
        finding = await new FlagFinder(BreaksOnly, NoDate).FindAsync(Baseline, Changed, OnAtDate, [], "2026-11-17", null);
        Assert.Equal(FlagFindingKind.None, finding.Kind);
        Assert.InRange(runs.Count, 2, 15);
    }

    [Fact]
    public async Task The_baselines_earlier_date_is_tried_first_and_named_when_it_gives_the_old_outcome()
    {
        var dates = new List<string>();
        Task<ObservedOutcome> AtDate(string date) { dates.Add(date); return Task.FromResult(date == "2026-11-17" ? Baseline : Changed); }
        var finding = await new FlagFinder(_ => throw new InvalidOperationException("no flag probe expected"), AtDate)
            .FindAsync(Baseline, Changed, OnAtDate, [], "2026-12-01", "2026-11-17");
        Assert.Equal((FlagFindingKind.Date, "2026-11-17"), (finding.Kind, finding.Date));
        Assert.Equal(["2026-11-17"], dates);
        Assert.StartsWith("governed by the compatibility date: at 2026-11-17", finding.ToString());
    }

    [Fact]
    public async Task Two_flags_needed_together_are_both_named_not_a_half_of_the_set()
    {
        var runs = new List<string>();
        Task<ObservedOutcome> Both(IReadOnlyList<DatedFlag> off)
        {
            runs.Add(string.Join(",", off.Select(f => f.Name).Order()));
            return Task.FromResult(off.Any(f => f.Name == "flag_03") && off.Any(f => f.Name == "flag_60") ? Baseline : Changed);
        }
        var finding = await new FlagFinder(Both, NoDate).FindAsync(Baseline, Changed, OnAtDate, [], "2026-11-17", null);
        Assert.Equal(FlagFindingKind.Combination, finding.Kind);
        Assert.Equal(["flag_03", "flag_60"], finding.Flags.Select(f => f.Name).Order());
        Assert.Equal(runs.Count, runs.Distinct().Count()); // the search asks again for sets it ran; each runs once
    }

    [Fact]
    public async Task The_search_stops_at_its_run_limit_and_says_so()
    {
        var runs = 0;
        Task<ObservedOutcome> AlwaysBreaks(IReadOnlyList<DatedFlag> off) { runs++; return Task.FromResult(Breaks); }
        var finding = await new FlagFinder(AlwaysBreaks, NoDate, maxProbes: 5).FindAsync(Baseline, Changed, OnAtDate, [], "2026-11-17", null);
        Assert.Equal((FlagFindingKind.Undetermined, 5), (finding.Kind, runs));
        Assert.StartsWith("not found within 5 runs", finding.ToString());
    }
}
