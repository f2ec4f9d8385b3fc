using Conformance.Harness.Releases;
using Conformance.Harness.Reports;

namespace Harness.Tests.Releases;

/// <summary>docs/history.md from release runs: PASS per profile per release, and each outcome change between consecutive releases.</summary>
public sealed class ReleaseHistoryTests
{
    private static ScenarioResult Row(string id, string profile, string status, string trace) =>
        new ScenarioResult { Id = id, Feature = "f.feature", Name = id, Target = "bun@x", Status = status, Verdict = "Passed", Profile = profile }
            .WithTrace([trace, "end"]);

    private static ReleaseRun Run(string release, params ScenarioResult[] rows) => ReleaseRun.FromResults(release, rows);

    [Fact]
    public void Each_release_gets_its_pass_count_per_profile_and_each_change_is_named_old_to_new()
    {
        var history = new RuntimeHistory("bun",
        [
            Run("1.0.0", Row("a", "documented", "PASS", "x"), Row("b", "documented", "FAIL", "y1"), Row("c", "caveat", "FAIL", "z")),
            Run("1.1.0", Row("a", "documented", "PASS", "x"), Row("b", "documented", "FAIL", "y2"), Row("c", "caveat", "PASS", "z")),
            ReleaseRun.WouldNotStart("1.2.0", "exit code 127"),
            Run("1.3.0", Row("a", "documented", "CRASH", "x"), Row("b", "documented", "FAIL", "y2"), Row("c", "caveat", "PASS", "z")),
        ]);
        var md = ReleaseHistory.Render(HistoryRecord.Of(["Selection: test."], [history]));

        Assert.Contains("| 1.0.0 | 1/2 | 0/1 |  |  | 1/3 | 2 | 0 | 0 |", md);
        Assert.Contains("| 1.1.0 | 1/2 | 1/1 |  |  | 2/3 | 1 | 0 | 0 |", md);
        Assert.Contains("| 1.2.0 | would not start: exit code 127 |", md);
        Assert.Contains("| 1.3.0 | 0/2 | 1/1 |  |  | 1/3 | 1 | 0 | 1 |", md);
        var changes = ReleaseHistory.Changes(history.Releases).Select(c => $"{c.From}→{c.To} {c.Id}: {c.Old} → {c.New}").ToList();
        Assert.Equal(3, changes.Count);
        Assert.Matches(@"^1\.0\.0→1\.1\.0 b: FAIL [0-9a-f]{12} → FAIL [0-9a-f]{12}$", changes[0]);
        Assert.Equal("1.0.0→1.1.0 c: FAIL " + ObservedOutcome.Of(Row("c", "caveat", "FAIL", "z")).Digest + " → PASS", changes[1]);
        Assert.Equal("1.1.0→1.3.0 a: PASS → CRASH " + ObservedOutcome.Of(Row("a", "documented", "CRASH", "x")).Digest, changes[2]);
        Assert.Contains("| 1.1.0 → 1.3.0 | `a` | PASS → CRASH", md);
        Assert.StartsWith("# The suite across releases", md);
        Assert.Contains("Selection: test.", md);
    }

    [Fact]
    public void The_recorded_history_renders_the_same_page_after_a_round_trip_through_its_file()
    {
        var history = new RuntimeHistory("deno",
        [
            Run("2.0.0", Row("a", "documented", "PASS", "x"), Row("b", "workerd-observed", "FAIL", "y")),
            ReleaseRun.WouldNotStart("2.1.0", "exit code 127 | \"quoted\""),
            Run("2.2.0", Row("a", "documented", "NOT-APPLICABLE", "x"), Row("b", "workerd-observed", "PASS", "y")),
        ]);
        var record = HistoryRecord.Of(["Selection: `a` → b."], [history]);

        var json = record.ToJson();
        var read = HistoryRecord.Parse(json);

        Assert.Equal(ReleaseHistory.Render(record), ReleaseHistory.Render(read));
        Assert.Equal(json, read.ToJson());
        Assert.Contains("\"Selection: `a` → b.\"", json);
        Assert.Contains("| 2.1.0 | would not start: exit code 127 \\| \"quoted\" |", ReleaseHistory.Render(read));
        Assert.Contains("| 2.0.0 → 2.2.0 | `a` | PASS → NOT-APPLICABLE |", ReleaseHistory.Render(read));
    }

    [Fact]
    public void A_history_file_with_a_missing_or_unknown_field_is_refused()
    {
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => HistoryRecord.Parse("{\"header\": []}"));
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => HistoryRecord.Parse("{\"header\": [], \"runtimes\": [], \"extra\": 1}"));
    }

    [Fact]
    public void A_pass_is_the_same_outcome_whatever_its_digest_and_a_missing_row_is_absent()
    {
        Assert.True(new ObservedOutcome("PASS", "aaaaaaaaaaaa").SameAs(new ObservedOutcome("PASS", "bbbbbbbbbbbb")));
        Assert.False(new ObservedOutcome("FAIL", "aaaaaaaaaaaa").SameAs(new ObservedOutcome("FAIL", "bbbbbbbbbbbb")));
        var run = Run("1.0.0", Row("a", "documented", "PASS", "x"));
        Assert.Equal("ABSENT", run.OutcomeOf("gone").Status);
        Assert.Equal("NOT-APPLICABLE", new ObservedOutcome("NOT-APPLICABLE", "e3b0c44298fc").ToString());
        Assert.Equal("CRASH e3b0c44298fc", new ObservedOutcome("CRASH", "e3b0c44298fc").ToString());
        Assert.Equal(ObservedOutcome.Of(Row("a", "documented", "PASS", "x")).Digest, Conformance.Harness.Expectations.TraceDigest.Of(["x", "end"]));
    }
}
