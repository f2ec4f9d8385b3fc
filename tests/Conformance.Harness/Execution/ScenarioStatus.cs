namespace Conformance.Harness.Execution;

/// <summary>The status of one scenario on one target (spec/trace-format.md, "Statuses").</summary>
public enum ScenarioStatus
{
    /// <summary>The run completed and its trace equals the verified snapshot.</summary>
    Pass,
    /// <summary>The run completed and its trace differs from the snapshot (or there is no snapshot).</summary>
    Fail,
    /// <summary>No end within the scenario's time limit.</summary>
    Timeout,
    /// <summary>The runtime exited without `end` and without a load error.</summary>
    Crash,
    /// <summary>The harness's own fault: a malformed feature, an undefined step, a bad setting, files it could not write.</summary>
    Error,
    /// <summary>The target is unavailable here, or the scenario is excluded.</summary>
    Skip,
    /// <summary>
    /// The scenario does not apply to this run: it names a compatibility date later than the run's newest (the workerd binary's,
    /// or -CompatibilityDate), or needs a date-gated flag the run's date leaves off (spec/runtime-bridges.md, "Compatibility
    /// dates"). Counted apart, never a pass.
    /// </summary>
    NotApplicable,
}

public static class ScenarioStatusText
{
    /// <summary>The status as reports and messages write it: PASS, FAIL, TIMEOUT, CRASH, ERROR, SKIP, NOT-APPLICABLE.</summary>
    public static string Text(this ScenarioStatus status) =>
        status == ScenarioStatus.NotApplicable ? "NOT-APPLICABLE" : status.ToString().ToUpperInvariant();
}
