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

    internal Task<BatchSettlement.Attempt> RunOnceAsync(IReadOnlyList<ScenarioProgram> programs, TimeSpan timeout, CancellationToken cancellationToken) =>
        BatchFolder.AttemptAsync(programs.Count, async (folder, nonce) =>
        {
            var config = Write(folder, programs, nonce);
            // --experimental for the whole batch when one of its programs needs it (OBS-BOUNDARY-HANDLERS-1); it enables nothing by
            // itself: a worker's experimental flags are its own (WorkerdConfig.ExtraHandlersFlag).
            var spec = new ProcessSpec(binary, WorkerdConfig.TestArguments(config, programs.Any(p => p.ExtraHandlers)), folder, NodeStyleTarget.QuietEnvironment, WorkerdBatchConfig.LoadErrorService())
            {
                Batched = true,
                Nonce = nonce,
            };
            var outcome = await ProcessRunner.RunAsync(spec, timeout, options, cancellationToken).ConfigureAwait(false);
            return BatchSettlement.Settle(programs.Count, outcome);
        });

    /// <summary>Writes each program's modules into its own folder (<see cref="BatchFolder.WriteProgram"/>) and the batch config; returns the config path.</summary>
    private string Write(string folder, IReadOnlyList<ScenarioProgram> programs, string nonce)
    {
        for (var key = 0; key < programs.Count; key++) BatchFolder.WriteProgram(folder, key, programs[key], driver, nonce);
        var config = Path.Combine(folder, ProgramFiles.Config);
        File.WriteAllText(config, WorkerdBatchConfig.Render([.. programs.Select(p => p.CompatibilityDate)], [.. programs.Select(p => p.CompatibilityFlags)],
            [.. programs.Select(p => p.Bindings)], [.. programs.Select(p => p.CacheBackend)], [.. programs.Select(p => p.ExtraHandlers)],
            [.. programs.Select(p => p.QueueBroker)]), new UTF8Encoding(false));
        return config;
    }
}
