using Conformance.Harness.Execution;
using Conformance.Harness.Expectations;
using Conformance.Harness.Snapshots;

namespace Harness.Tests.Versions;

/// <summary>A versioned target uses its own list when it exists, else its runtime's list matched by id and status only.</summary>
public sealed class ExpectationListSelectionTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Under(string path) => Path.GetFullPath(Path.Combine(_temp.Path, path));

    private ConformanceSettings Settings(string target, bool update = false) => ConformanceSettings.From(name => name switch
    {
        ConformanceSettings.TargetVariable => target,
        ConformanceSettings.UpdateExpectationsVariable => update ? "1" : null,
        _ => null,
    }, _temp.Path);

    private void WriteList(string name)
    {
        Directory.CreateDirectory(Under("targets/expectations"));
        File.WriteAllText(Under($"targets/expectations/{name}.txt"), "");
    }

    [Fact]
    public void The_versioned_list_wins_when_it_exists()
    {
        WriteList("bun");
        WriteList("bun@1.3.14");
        var settings = Settings("bun@1.3.14");
        Assert.Equal(Under("targets/expectations/bun@1.3.14.txt"), settings.ExpectationsFile);
        Assert.True(settings.ExpectationsPinTraces);
        Assert.Contains("the list of bun@1.3.14 itself", settings.ExpectationsNote);
        Assert.Equal(Under("reports/bun@1.3.14"), settings.ReportDirectory);
    }

    [Fact]
    public void Without_it_the_runtime_list_matches_by_id_and_status_only()
    {
        WriteList("bun");
        var settings = Settings("bun@1.3.14");
        Assert.Equal(Under("targets/expectations/bun.txt"), settings.ExpectationsFile);
        Assert.False(settings.ExpectationsPinTraces);
        Assert.Contains("matched by id and status only", settings.ExpectationsNote);
    }

    [Fact]
    public void An_update_writes_the_versioned_list()
    {
        WriteList("bun");
        var settings = Settings("bun@1.3.14", update: true);
        Assert.Equal(Under("targets/expectations/bun@1.3.14.txt"), settings.ExpectationsFile);
        Assert.True(settings.ExpectationsPinTraces);
    }

    [Fact]
    public void An_unversioned_target_keeps_its_own_list() =>
        Assert.Equal(Under("targets/expectations/bun.txt"), Settings("bun").ExpectationsFile);

    [Fact]
    public void A_listed_fail_with_another_versions_trace_is_a_known_failure_when_traces_are_not_compared()
    {
        var path = _temp.File("bun.txt");
        string[] pinned = ["log: one", "end"];
        File.WriteAllText(path, $"a/b/c | FAIL {TraceDigest.Of(pinned)} | cause\n");
        var list = KnownFailureList.Parse(path, File.ReadAllLines(path));
        var outcome = new ScenarioOutcome(ScenarioStatus.Fail, ["log: two", "end"], "differs", TimeSpan.Zero);
        Assert.Equal(VerdictKind.ChangedFailure, ExpectationJudge.Judge("a/b/c", outcome, list).Kind);
        Assert.Equal(VerdictKind.KnownFailure, ExpectationJudge.Judge("a/b/c", outcome, list, compareTraces: false).Kind);
        var crash = outcome with { Status = ScenarioStatus.Crash };
        Assert.Equal(VerdictKind.ChangedFailure, ExpectationJudge.Judge("a/b/c", crash, list, compareTraces: false).Kind);
    }

    [Fact]
    public void Not_applicable_is_its_own_status_and_never_a_pass()
    {
        var list = KnownFailureList.Parse(_temp.File("none.txt"), []);
        var verdict = ExpectationJudge.Judge("a/b/c", ScenarioOutcome.NotApplicable("needs 2026-03-03"), list);
        Assert.Equal(VerdictKind.Skipped, verdict.Kind);
        Assert.StartsWith("NOT-APPLICABLE: needs 2026-03-03", verdict.Message);
        Assert.Equal("NOT-APPLICABLE", ScenarioStatus.NotApplicable.Text());
    }

    [Fact]
    public void A_bad_compatibility_date_or_flag_is_a_run_problem()
    {
        var settings = ConformanceSettings.From(name => name switch
        {
            ConformanceSettings.CompatibilityDateVariable => "2025-13-01",
            ConformanceSettings.CompatibilityFlagsVariable => "nodejs_compat, Bad Flag",
            _ => null,
        }, _temp.Path);
        Assert.Contains(settings.Problems, p => p.Contains("\"2025-13-01\" is not a date"));
        Assert.Contains(settings.Problems, p => p.Contains("\"Bad Flag\" is not a compatibility flag name"));
        Assert.Equal(["nodejs_compat", "Bad Flag"], settings.CompatibilityFlags);
    }
}
