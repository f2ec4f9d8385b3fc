using Conformance.Harness.Scenarios;

namespace Conformance.Harness.Targets.Process;

/// <summary>
/// Runs a batch of programs in one Node, Deno or Bun process (spec/trace-format.md TF-1b; spec/runtime-bridges.md B-13):
/// targets/hosts/batch-host.mjs starts each program in turn in a fresh worker (worker_threads on Node and Bun, a Web Worker
/// with no permissions on Deno), from its own folder <c>p&lt;k&gt;/</c> holding its modules, the batched trace module and
/// the unchanged node-host bridge. The batch host stops a worker that does not exit within the program's time limit and
/// goes on with the next one. A program's result comes from the batch only when <see cref="BatchSettlement.Settle"/> accepts
/// it (its trace reached `end` once, as its last line, and its PASS/FAIL report was seen); every other program, and every
/// program a crash of the whole process left unfinished, runs alone, so one bad program costs nothing else.
/// </summary>
internal sealed class NodeBatchRun(
    ProcessSpec runtime,
    Func<string, IReadOnlyList<string>> batchArguments,
    string repositoryRoot,
    DriverFiles driver,
    ProcessTargetOptions options,
    Func<ScenarioProgram, TimeSpan, CancellationToken, Task<TargetRun>> runAlone)
{
    public const string BatchHost = "batch-host.mjs";

    /// <summary>
    /// The process's own limit beyond each program's: the batch host enforces the program's limit itself and reports each
    /// program (`[ LEFT ]` included, which restarts the limit too), so this margin only catches a batch host that hangs.
    /// </summary>
    public static readonly TimeSpan HostMargin = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a program may run inside a batch before the batch host stops it and the program runs alone, with its full
    /// limit: a program that ends within this gives its result from the batch, one that does not gets its single-run result
    /// anyway, so this bounds only what a hanging program costs a batch (the programs of the suite end within about a second).
    /// </summary>
    public static readonly TimeSpan InBatchLimit = TimeSpan.FromSeconds(8);

    public static string BatchHostSource(string repositoryRoot) => Path.Combine(repositoryRoot, "targets", "hosts", BatchHost);

    public async Task<IReadOnlyList<TargetRun>> RunAsync(IReadOnlyList<ScenarioProgram> programs, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var attempt = programs.Count > 1
            ? await RunOnceAsync(programs, timeout, cancellationToken).ConfigureAwait(false)
            : new BatchSettlement.Attempt(new TargetRun?[programs.Count], null);
        var results = new TargetRun[programs.Count];
        for (var i = 0; i < programs.Count; i++)
            results[i] = attempt.Runs[i] ?? await runAlone(programs[i], timeout, cancellationToken).ConfigureAwait(false);
        return results;
    }

    internal Task<BatchSettlement.Attempt> RunOnceAsync(IReadOnlyList<ScenarioProgram> programs, TimeSpan timeout, CancellationToken cancellationToken) =>
        BatchFolder.AttemptAsync(programs.Count, async (folder, nonce) =>
        {
            Write(folder, programs, nonce);
            var limit = timeout < InBatchLimit ? timeout : InBatchLimit;
            var limitMs = ((long)limit.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var spec = runtime with
            {
                Arguments = [.. runtime.Arguments, .. batchArguments(folder), Path.Combine(folder, BatchHost), limitMs,
                    .. Enumerable.Range(0, programs.Count).Select(BatchSettlement.ProgramName)],
                WorkingDirectory = folder,
                Batched = true,
                Nonce = nonce,
            };
            var outcome = await ProcessRunner.RunAsync(spec, limit + HostMargin, options, cancellationToken).ConfigureAwait(false);
            return BatchSettlement.Settle(programs.Count, outcome);
        });

    /// <summary>Each program's modules (its trace module batched, TF-1b) and the bridge into its own folder; the batch host beside them.</summary>
    private void Write(string folder, IReadOnlyList<ScenarioProgram> programs, string nonce)
    {
        for (var key = 0; key < programs.Count; key++)
            ProgramFiles.WriteNodeHost(BatchFolder.WriteProgram(folder, key, programs[key], driver, nonce), repositoryRoot);
        File.Copy(BatchHostSource(repositoryRoot), Path.Combine(folder, BatchHost));
    }
}
