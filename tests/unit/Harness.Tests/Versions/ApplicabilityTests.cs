using Conformance.Harness.Execution.Dates;
using Conformance.Harness.Scenarios;

namespace Harness.Tests.Versions;

/// <summary>Clamping to the binary's newest date and the NOT-APPLICABLE rules (spec/runtime-bridges.md, "Compatibility dates").</summary>
public sealed class ApplicabilityTests
{
    private const string Bind = "bind_asynclocalstorage_snapshot_to_request";
    private static readonly string[] NeedsBind = ["workerd-observed", DateGatedFlags.TagPrefix + Bind];

    private static ScenarioProgram Program(string? namedDate = null) =>
        new("a/b/c", "export default {}", ScenarioPlan.TestHandlerOnly, namedDate ?? ScenarioProgram.DefaultCompatibilityDate) { NamesDate = namedDate is not null };

    [Theory]
    [InlineData("workerd 2025-01-09", "2025-01-09")]
    [InlineData("workerd 2026-11-17 (with a suffix)", "2026-11-17")]
    [InlineData("workerd 2024-13-40", null)]
    [InlineData("v22.12.0", null)]
    [InlineData(null, null)]
    public void The_newest_date_is_read_from_the_version_text(string? text, string? date) =>
        Assert.Equal(date, RunDates.NewestDateFromVersion(text));

    [Fact]
    public void A_default_date_scenario_runs_at_the_binary_newest_date_and_is_judged()
    {
        var decision = Applicability.Decide(Program(), ["documented"], new RunDates("2025-01-09", null, []));
        Assert.True(decision.Applies);
        Assert.Equal("2025-01-09", decision.Program!.CompatibilityDate);
    }

    [Fact]
    public void The_override_sets_the_default_date_and_is_itself_clamped()
    {
        Assert.Equal("2024-06-01", Applicability.Decide(Program(), [], new RunDates("2025-01-09", "2024-06-01", [])).Program!.CompatibilityDate);
        Assert.Equal("2025-01-09", Applicability.Decide(Program(), [], new RunDates("2025-01-09", "2026-01-01", [])).Program!.CompatibilityDate);
        Assert.Equal("2024-06-01", Applicability.Decide(Program(), [], new RunDates(null, "2024-06-01", [])).Program!.CompatibilityDate);
    }

    [Fact]
    public void A_scenario_naming_a_date_later_than_the_binary_supports_is_not_applicable()
    {
        var decision = Applicability.Decide(Program("2025-06-16"), [], new RunDates("2025-01-09", null, []));
        Assert.False(decision.Applies);
        Assert.Contains("names compatibility date 2025-06-16, later than this run's newest, 2025-01-09 (the newest date the workerd binary supports)", decision.NotApplicableReason);
    }

    [Fact]
    public void A_scenario_naming_a_date_the_binary_supports_runs_at_that_date()
    {
        var decision = Applicability.Decide(Program("2024-12-01"), [], new RunDates("2025-01-09", "2024-06-01", []));
        Assert.False(decision.Applies, "2024-12-01 is later than -CompatibilityDate 2024-06-01");
        Assert.Contains("(-CompatibilityDate)", decision.NotApplicableReason);
        Assert.Equal("2024-12-01", Applicability.Decide(Program("2024-12-01"), [], new RunDates("2025-01-09", null, [])).Program!.CompatibilityDate);
    }

    [Fact]
    public void A_runtime_without_dates_runs_everything_unless_a_date_is_given()
    {
        Assert.True(Applicability.Decide(Program("2026-03-03"), NeedsBind, RunDates.None).Applies);
        Assert.False(Applicability.Decide(Program("2026-03-03"), [], new RunDates(null, "2025-01-01", [])).Applies);
        Assert.True(Applicability.Decide(Program("2024-03-03"), [], new RunDates(null, "2025-01-01", [])).Applies);
    }

    [Fact]
    public void A_scenario_needing_a_date_gated_flag_is_not_applicable_before_its_date()
    {
        var decision = Applicability.Decide(Program(), NeedsBind, new RunDates("2025-01-09", null, []));
        Assert.False(decision.Applies);
        Assert.Contains($"needs {Bind} (on by default from 2025-06-16), and this run's date is 2025-01-09", decision.NotApplicableReason);
        Assert.True(Applicability.Decide(Program(), NeedsBind, new RunDates("2025-06-16", null, [])).Applies);
    }

    [Fact]
    public void Adding_the_flag_by_name_makes_it_applicable_and_reaches_the_program()
    {
        var decision = Applicability.Decide(Program(), NeedsBind, new RunDates("2025-01-09", null, [Bind]));
        Assert.True(decision.Applies);
        Assert.Equal([Bind], decision.Program!.CompatibilityFlags);
    }

    [Fact]
    public void A_scenario_about_a_date_when_a_flag_is_off_does_not_apply_when_the_run_adds_it()
    {
        var decision = Applicability.Decide(Program("2025-06-15"), [], new RunDates(null, null, [Bind]));
        Assert.False(decision.Applies);
        Assert.Contains($"when {Bind} is off, and this run adds {Bind}", decision.NotApplicableReason);
    }

    [Fact]
    public void A_tag_naming_an_unknown_flag_is_not_silently_ignored()
    {
        var decision = Applicability.Decide(Program(), [DateGatedFlags.TagPrefix + "no_such_flag"], RunDates.None);
        Assert.False(decision.Applies);
        Assert.Contains("names no date-gated flag the harness knows", decision.NotApplicableReason);
    }
}
