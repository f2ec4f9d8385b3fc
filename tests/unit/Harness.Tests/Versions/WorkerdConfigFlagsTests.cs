using Conformance.Harness.Targets.Process;

namespace Harness.Tests.Versions;

/// <summary>The workerd config carries the run's date and the flags added by name (nodejs_compat first, before 2026-08-04).</summary>
public sealed class WorkerdConfigFlagsTests
{
    [Fact]
    public void An_old_date_gets_nodejs_compat_and_the_added_flags_once()
    {
        var config = WorkerdConfig.Render("2024-01-17", ["bind_asynclocalstorage_snapshot_to_request", "nodejs_compat"]);
        Assert.Contains("compatibilityDate = \"2024-01-17\"", config);
        Assert.Contains("compatibilityFlags = [\"nodejs_compat\", \"bind_asynclocalstorage_snapshot_to_request\"]", config);
    }

    [Fact]
    public void A_recent_date_gets_only_the_added_flags()
    {
        Assert.Contains("compatibilityFlags = []", WorkerdConfig.Render("2026-11-17"));
        Assert.Contains("compatibilityFlags = [\"unhandled_rejection_after_microtask_checkpoint\"]",
            WorkerdConfig.Render("2026-11-17", ["unhandled_rejection_after_microtask_checkpoint"]));
    }

    [Fact]
    public void A_flag_that_is_not_a_name_is_refused() =>
        Assert.Throws<ArgumentException>(() => WorkerdConfig.Render("2026-11-17", ["a\", \"b"]));
}
