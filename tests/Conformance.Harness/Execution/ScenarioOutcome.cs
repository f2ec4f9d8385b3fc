namespace Conformance.Harness.Execution;

/// <summary>What one scenario came to on the target: its status, the trace, and a detail for humans (the diff on FAIL).</summary>
public sealed record ScenarioOutcome(ScenarioStatus Status, IReadOnlyList<string> Trace, string Detail, TimeSpan Elapsed)
{
    public static ScenarioOutcome Error(string detail) => new(ScenarioStatus.Error, [], detail, TimeSpan.Zero);

    public static ScenarioOutcome Skip(string detail) => new(ScenarioStatus.Skip, [], detail, TimeSpan.Zero);

    /// <summary>NOT-APPLICABLE: the scenario was not run because this run's date or flags do not give what it is about.</summary>
    public static ScenarioOutcome NotApplicable(string detail) => new(ScenarioStatus.NotApplicable, [], detail, TimeSpan.Zero);

    /// <summary>SKIP because the target cannot run here (missing binary, failing probe): a run problem unless allowed.</summary>
    public static ScenarioOutcome Unavailable(string detail) => new(ScenarioStatus.Skip, [], detail, TimeSpan.Zero) { TargetUnavailable = true };

    /// <summary>The runtime process's exit code (<see cref="Targets.TargetRun.ExitCode"/>), for the console's failure block.</summary>
    public int? ExitCode { get; init; }

    /// <summary>The last lines on the runtime's standard error (<see cref="Targets.TargetRun.StderrTail"/>), whatever the status.</summary>
    public IReadOnlyList<string> StderrTail { get; init; } = [];

    /// <summary>The scenario did not run because the target is unavailable (not because it was excluded).</summary>
    public bool TargetUnavailable { get; init; }
}
