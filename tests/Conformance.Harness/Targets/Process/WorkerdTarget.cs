using Conformance.Harness.Scenarios;

namespace Conformance.Harness.Targets.Process;

/// <summary>
/// The Workers runtime itself: `workerd test config.capnp` with the driver as the worker's main module, the
/// program's compatibility date, a SELF service binding and no network (spec/runtime-bridges.md, "workerd"). Many
/// programs can share one `workerd test`, each its own worker (<see cref="WorkerdBatchRun"/>, TF-1b).
/// </summary>
/// <param name="release">A release from the runtime cache (<c>workerd@1.20240223.1</c>) instead of the pinned binary.</param>
internal sealed class WorkerdTarget(string repositoryRoot, ProcessTargetOptions options, VersionedRelease? release = null)
    : ProcessTarget(release?.Name ?? "workerd", repositoryRoot, options), ICompatibilityDatedTarget, IBatchingTarget
{
    public const string PinnedBinary = "@cloudflare/workerd-linux-64/bin/workerd";

    internal VersionedRelease? Release => release;

    /// <summary>The Workers platform itself (issue 20, item 3).</summary>
    public IReadOnlySet<string> Capabilities => Scenarios.Capabilities.WorkersPlatform;

    private string Binary => release?.Binary ?? Executables.Pinned(RepositoryRoot, PinnedBinary);

    protected override Task<string?> ProbeAsync(CancellationToken cancellationToken) =>
        release is null ? ProbePinnedAsync(Binary, cancellationToken) : release.ResolveAsync(cancellationToken);

    /// <summary>`workerd --version`, e.g. <c>workerd 2026-11-17</c>: recorded with every snapshot accepted from workerd.</summary>
    public Task<string?> ReadVersionAsync(CancellationToken cancellationToken) => VersionProbe.ReadAsync(Binary, cancellationToken);

    /// <summary>About 40 ms of start-up is shared by the batch; each program adds its own settle wait (TF-14) and ~1-2 ms.</summary>
    public int MaxBatchSize => 32;

    /// <summary>A batch mostly waits out settle timers one program after another: four per core keep the cores busy.</summary>
    public int MaxBatchesInFlight => LanesPerCore * Environment.ProcessorCount;

    public async Task<IReadOnlyList<TargetRun>> RunBatchAsync(IReadOnlyList<ScenarioProgram> programs, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (await CheckAvailabilityAsync(cancellationToken) is { } reason)
            return [.. programs.Select(_ => new TargetRun(RunStatus.Unavailable, [], reason, TimeSpan.Zero))];
        return await new WorkerdBatchRun(Binary, Driver, Options, RunAsync).RunAsync(programs, timeout, cancellationToken);
    }

    protected override ProcessSpec Prepare(string folder, ScenarioProgram program, string service)
    {
        var config = Path.Combine(folder, ProgramFiles.Config);
        File.WriteAllText(config, WorkerdConfig.Render(program.CompatibilityDate, program.CompatibilityFlags, service, program.Bindings,
            cacheBackend: program.CacheBackend, extraHandlers: program.ExtraHandlers, queueBroker: program.QueueBroker));
        return new ProcessSpec(Binary, WorkerdConfig.TestArguments(config, program.ExtraHandlers), folder, NodeStyleTarget.QuietEnvironment);
    }

    protected override BridgeRules Rules => BridgeRules.Workerd;
}
