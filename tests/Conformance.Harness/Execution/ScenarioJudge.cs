using Conformance.Harness.Snapshots;
using Conformance.Harness.Targets;

namespace Conformance.Harness.Execution;

/// <summary>
/// Turns a target's run into a status (spec/trace-format.md, "Statuses"): a completed run is compared with the verified
/// snapshot (PASS or FAIL, with a diff); any other run is not compared (TIMEOUT, CRASH, ERROR, SKIP).
/// </summary>
public static class ScenarioJudge
{
    /// <param name="origin">Who produced the run, recorded in the provenance manifest when the store accepts.</param>
    /// <param name="acceptRefusal">Why an accepting store must not write this trace (<see cref="AcceptGuard"/>), or null.</param>
    public static ScenarioOutcome Judge(TargetRun run, string verifiedPath, SnapshotStore snapshots, SnapshotOrigin? origin = null,
        string? acceptRefusal = null) =>
        JudgeStatus(run, verifiedPath, snapshots, origin, acceptRefusal) with { ExitCode = run.ExitCode, StderrTail = run.StderrTail };

    private static ScenarioOutcome JudgeStatus(TargetRun run, string verifiedPath, SnapshotStore snapshots, SnapshotOrigin? origin, string? acceptRefusal)
    {
        switch (run.Status)
        {
            case RunStatus.Completed:
                SnapshotComparison comparison;
                try
                {
                    comparison = snapshots.Check(verifiedPath, run.Trace, runCompleted: true, origin, acceptRefusal);
                }
                catch (IOException error)
                {
                    return new ScenarioOutcome(ScenarioStatus.Error, run.Trace, $"could not read or write the snapshot files: {error.Message}", run.Elapsed);
                }
                catch (UnauthorizedAccessException error)
                {
                    return new ScenarioOutcome(ScenarioStatus.Error, run.Trace, $"could not read or write the snapshot files: {error.Message}", run.Elapsed);
                }
                return comparison.Agrees
                    ? new ScenarioOutcome(ScenarioStatus.Pass, run.Trace, comparison.Accepted ? $"accepted: wrote {comparison.VerifiedPath}" : "", run.Elapsed)
                    : new ScenarioOutcome(ScenarioStatus.Fail, run.Trace,
                        (snapshots.AcceptMode && acceptRefusal is not null ? acceptRefusal + "\n" : "") + DescribeMismatch(comparison), run.Elapsed);
            case RunStatus.Timeout:
                return new ScenarioOutcome(ScenarioStatus.Timeout, run.Trace, Join("no end within the time limit", run.Detail, run.Trace), run.Elapsed);
            case RunStatus.Crash:
                return new ScenarioOutcome(ScenarioStatus.Crash, run.Trace, Join("the runtime ended without `end` and without a load error", run.Detail, run.Trace), run.Elapsed);
            case RunStatus.Unavailable:
                return ScenarioOutcome.Unavailable($"target unavailable: {run.Detail}");
            default:
                return new ScenarioOutcome(ScenarioStatus.Error, run.Trace, Join("the harness could not run the scenario", run.Detail, run.Trace), run.Elapsed);
        }
    }

    private static string DescribeMismatch(SnapshotComparison comparison) =>
        comparison.Verdict == SnapshotVerdict.Missing
            ? $"no verified snapshot {comparison.VerifiedPath}; the trace is in {comparison.ReceivedPath} (review it, then accept with CONFORMANCE_ACCEPT=1 or -Accept)\n{comparison.Diff}"
            : $"the trace differs from {comparison.VerifiedPath}; received: {comparison.ReceivedPath} (diff beside it)\n{comparison.Diff}";

    private static string Join(string what, string detail, IReadOnlyList<string> trace)
    {
        var text = string.IsNullOrWhiteSpace(detail) ? what : $"{what}: {detail}";
        return trace.Count == 0 ? text : $"{text}\ntrace so far:\n{TraceText.Render(trace)}";
    }
}
