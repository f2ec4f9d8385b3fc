namespace Conformance.Harness.Targets.Process;

/// <summary>
/// What one batched process settled for its programs (spec/trace-format.md TF-1b), the same for every target that batches
/// (<see cref="WorkerdBatchRun"/>, <see cref="NodeBatchRun"/>): program k's lines are those with the prefix
/// <c>@@trace[k] </c>, and its run is taken only when its trace reached `end` once, as its last line, and its own
/// `[ PASS ] p&lt;k&gt;` / `[ FAIL ] p&lt;k&gt;` report was seen. Every other program is left (null) to run alone.
/// </summary>
internal static class BatchSettlement
{
    /// <summary>The name of program <paramref name="key"/> of a batch: its folder, its report, its workerd service.</summary>
    public static string ProgramName(int key) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"p{key}");

    /// <summary>A run per program or null (run it alone), the program whose load error stopped the batch, and the one a hang stopped.</summary>
    internal sealed record Attempt(IReadOnlyList<TargetRun?> Runs, int? LoadErrorKey, int? HungKey = null);

    /// <summary>The program a timed-out batch was running: programs run in order, so the first one without a report.</summary>
    internal static int? HungKey(int count, ProcessOutcome outcome) =>
        outcome.TimedOut
            ? Enumerable.Range(0, count).Cast<int?>().FirstOrDefault(k => !outcome.TestReports.ContainsKey(ProgramName(k!.Value)))
            : null;

    /// <summary>Attributes the batch's lines to its programs (TF-1b) and keeps the runs that finished as a single run would have.</summary>
    internal static Attempt Settle(int count, ProcessOutcome outcome)
    {
        var runs = new TargetRun?[count];
        var lines = Enumerable.Range(0, count).Select(_ => new List<string>()).ToArray();
        foreach (var line in outcome.Trace)
        {
            // A key outside the batch means lines cannot be trusted to their programs: everything runs alone.
            if (!TraceProtocol.TryParseBatched(line, out var key, out var text) || key >= count) return new Attempt(runs, null);
            lines[key].Add(text);
        }
        int? loadError = outcome.StderrWatchMatch is { } service ? KeyOf(service, count) : null;
        if (outcome.StartFailure is not null || outcome.OutputOverflow) return new Attempt(runs, loadError);

        var hung = HungKey(count, outcome);
        var share = outcome.Elapsed / count;
        for (var key = 0; key < count; key++)
        {
            var trace = lines[key];
            var finished = trace.Count > 0 && trace[^1] == TraceProtocol.End && trace.IndexOf(TraceProtocol.End) == trace.Count - 1;
            var name = ProgramName(key);
            if (!finished || !outcome.TestReports.TryGetValue(name, out var passed)) continue;
            // TF-13 as a single run writes it: a run of one passing program exits 0, of one failing program 1.
            var exitCode = passed ? 0 : 1;
            trace.Add(ExitLine.ForProcess(exitCode, loadError: false, passed));
            runs[key] = new TargetRun(RunStatus.Completed, trace, passed ? "" : "exit code 1 after end", share)
            {
                ExitCode = exitCode,
                StderrTail = outcome.StderrByReport.TryGetValue(name, out var own) ? own : [],
            };
        }
        return new Attempt(runs, loadError, hung);
    }

    private static int? KeyOf(string service, int count) =>
        service.Length > 1 && int.TryParse(service.AsSpan(1), out var key) && key < count ? key : null;
}
