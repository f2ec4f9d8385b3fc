using System.Text;
using Conformance.Harness.Scenarios;

namespace Conformance.Harness.Targets.Process;

/// <summary>
/// Runs a batch of programs in one `workerd test` (spec/trace-format.md, TF-1b): each program its own worker, its lines
/// attributed by their batch key, its exit line (TF-13) from its own `[ PASS ]`/`[ FAIL ]` report. A program's result
/// comes from the batch only when its trace reached `end` once, as its last line, and its report was seen. A load error
/// stops workerd before any test runs: the program it names runs alone and the rest are batched again. A crash, a hang or
/// runaway output leaves the unfinished programs to run alone, one after another, so each gets its single-program result.
/// </summary>
internal sealed class WorkerdBatchRun(
    string binary,
    DriverFiles driver,
    ProcessTargetOptions options,
    Func<ScenarioProgram, TimeSpan, CancellationToken, Task<TargetRun>> runAlone)
{
    public async Task<IReadOnlyList<TargetRun>> RunAsync(IReadOnlyList<ScenarioProgram> programs, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var results = new TargetRun?[programs.Count];
        var pending = Enumerable.Range(0, programs.Count).ToList();
        int? hung = null;
        while (pending.Count > 1)
        {
            var attempt = await RunOnceAsync([.. pending.Select(i => programs[i])], timeout, cancellationToken).ConfigureAwait(false);
            if (attempt.HungKey is { } h) hung = pending[h];
            for (var k = 0; k < pending.Count; k++)
                if (attempt.Runs[k] is { } run) results[pending[k]] = run;
            if (attempt.LoadErrorKey is not { } bad || attempt.Runs.Any(r => r is not null)) break;
            results[pending[bad]] = await runAlone(programs[pending[bad]], timeout, cancellationToken).ConfigureAwait(false);
            pending.RemoveAt(bad);
        }
        for (var i = 0; i < programs.Count; i++)
        {
            if (results[i] is not null) continue;
            var alone = await runAlone(programs[i], timeout, cancellationToken).ConfigureAwait(false);
            results[i] = i == hung ? alone with { Detail = $"in a batch it started and did not end within {timeout.TotalSeconds:0.#} s; run alone: {alone.Detail}" } : alone;
        }
        return [.. results.Select(r => r!)];
    }

    /// <summary>The program a timed-out batch was running: services run in order, so the first one without a report.</summary>
    internal static int? HungKey(int count, ProcessOutcome outcome) =>
        outcome.TimedOut
            ? Enumerable.Range(0, count).Cast<int?>().FirstOrDefault(k => !outcome.TestReports.ContainsKey(WorkerdBatchConfig.ServiceName(k!.Value)))
            : null;

    /// <summary>What one `workerd test` of a batch settled: a run per program or null (run it alone), and the program whose load error stopped it.</summary>
    internal sealed record Attempt(IReadOnlyList<TargetRun?> Runs, int? LoadErrorKey, int? HungKey = null);

    internal async Task<Attempt> RunOnceAsync(IReadOnlyList<ScenarioProgram> programs, TimeSpan timeout, CancellationToken cancellationToken)
    {
        DirectoryInfo? folder = null;
        try
        {
            folder = Directory.CreateTempSubdirectory("conformance-batch-");
            var config = Write(folder.FullName, programs);
            var spec = new ProcessSpec(binary, ["test", config], folder.FullName, NodeStyleTarget.QuietEnvironment, WorkerdBatchConfig.LoadErrorService())
            {
                Batched = true,
            };
            var outcome = await ProcessRunner.RunAsync(spec, timeout, options, cancellationToken).ConfigureAwait(false);
            return Settle(programs.Count, outcome);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return new Attempt(new TargetRun?[programs.Count], null); // each program alone reports its own preparation problem
        }
        finally
        {
            try { folder?.Delete(recursive: true); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* a leftover temp folder is not worth failing for */ }
        }
    }

    /// <summary>Writes each program's modules into its own folder, with its batched trace module, and the batch config; returns the config path.</summary>
    private string Write(string folder, IReadOnlyList<ScenarioProgram> programs)
    {
        var utf8 = new UTF8Encoding(false);
        for (var key = 0; key < programs.Count; key++)
        {
            var own = Directory.CreateDirectory(Path.Combine(folder, WorkerdBatchConfig.ServiceName(key))).FullName;
            foreach (var (name, text) in driver.ModulesFor(programs[key]))
            {
                var source = name == DriverFiles.TraceModule ? TraceProtocol.BatchedTraceModule(text, key) : text;
                File.WriteAllText(Path.Combine(own, name), source, utf8);
            }
        }
        var config = Path.Combine(folder, ProgramFiles.Config);
        File.WriteAllText(config, WorkerdBatchConfig.Render([.. programs.Select(p => p.CompatibilityDate)], [.. programs.Select(p => p.CompatibilityFlags)]), utf8);
        return config;
    }

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
            if (!finished || !outcome.TestReports.TryGetValue(WorkerdBatchConfig.ServiceName(key), out var passed)) continue;
            // TF-13 as a single run writes it: `workerd test` of one passing program exits 0, of one failing program 1.
            trace.Add(ExitLine.ForProcess(passed ? 0 : 1, loadError: false, passed));
            runs[key] = new TargetRun(RunStatus.Completed, trace, passed ? "" : "exit code 1 after end", share);
        }
        return new Attempt(runs, loadError, hung);
    }

    private static int? KeyOf(string service, int count) =>
        service.Length > 1 && int.TryParse(service.AsSpan(1), out var key) && key < count ? key : null;
}
