using Conformance.Harness.Releases;
using Conformance.Harness.Scenarios;

namespace Harness.Tests.Releases;

/// <summary>
/// `workerd-flags` (issue 22, item 3) on recorded strings: Fixtures/workerd-strings holds the lines of `strings -n 3 bin/workerd`
/// of 1.20261117.1 and 1.20261201.1 that name the two flags of docs/releases.md (schema entries, the bundled module that reads
/// them, the reads). The flag behind the MessagePort onmessage change is the one the new release's JavaScript newly reads.
/// </summary>
public sealed class WorkerdFlagsTests
{
    private static WorkerdFlags Recorded(string release) => WorkerdFlags.FromStrings(File.ReadAllLines(
        Path.Combine(RepositoryRoot.Find(), "tests", "unit", "Harness.Tests", "Releases", "Fixtures", "workerd-strings", release + ".txt")));

    [Fact]
    public void The_schema_gives_each_date_gated_flag_with_its_disable_flag_and_date()
    {
        Assert.Equal(
        [
            new DatedFlag("set_event_target_this", "no_set_event_target_this", "2025-08-01"),
            new DatedFlag("spec_compliant_dispatch_exceptions", "no_spec_compliant_dispatch_exceptions", "2026-09-15"),
        ], Recorded("1.20261201.1").Dated);
    }

    [Fact]
    public void The_new_release_newly_reads_set_event_target_this_in_its_event_target_module()
    {
        Assert.Equal([new FlagRead("spec_compliant_dispatch_exceptions", "events/event-target-internals")], Recorded("1.20261117.1").Reads);
        Assert.Equal(
            ["newly read by the bundled JavaScript of 1.20261201.1: set_event_target_this (on from 2025-08-01, off with no_set_event_target_this), in events/event-target-internals"],
            WorkerdFlags.Compare(Recorded("1.20261117.1"), Recorded("1.20261201.1"), "1.20261117.1", "1.20261201.1"));
    }

    [Fact]
    public void A_flag_added_removed_or_re_dated_is_named()
    {
        var older = new WorkerdFlags([new("a_flag", "no_a_flag", "2026-01-01"), new("gone_flag", "no_gone_flag", "2025-01-01")], []);
        var newer = new WorkerdFlags([new("a_flag", "no_a_flag", "2026-02-01"), new("new_flag", "no_new_flag", "2026-12-01")], []);
        Assert.Equal(
        [
            "new date-gated flag in b: new_flag (on from 2026-12-01; off with no_new_flag)",
            "date-gated flag gone in b: gone_flag (was on from 2025-01-01)",
            "date moved in b: a_flag on from 2026-02-01 (was 2026-01-01)",
        ], WorkerdFlags.Compare(older, newer, "a", "b"));
    }

    [Fact]
    public void Strings_are_the_printable_runs_of_a_file()
    {
        using var temp = new TempDirectory();
        var path = temp.File("bin");
        File.WriteAllBytes(path, [0, (byte)'a', (byte)'b', 1, (byte)'x', (byte)'y', (byte)'z', (byte)'\n', (byte)'2', (byte)'0', (byte)'2', (byte)'6']);
        Assert.Equal(["xyz", "2026"], WorkerdFlags.StringsOf(path));
    }
}
