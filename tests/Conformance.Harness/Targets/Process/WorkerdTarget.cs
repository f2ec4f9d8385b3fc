using Conformance.Harness.Scenarios;

namespace Conformance.Harness.Targets.Process;

/// <summary>
/// The Workers runtime itself: `workerd test config.capnp` with the driver as the worker's main module, the
/// program's compatibility date, a SELF service binding and no network (spec/runtime-bridges.md, "workerd").
/// </summary>
/// <param name="release">A release from the runtime cache (<c>workerd@1.20240223.1</c>) instead of the pinned binary.</param>
internal sealed class WorkerdTarget(string repositoryRoot, ProcessTargetOptions options, VersionedRelease? release = null)
    : ProcessTarget(release?.Name ?? "workerd", repositoryRoot, options), ICompatibilityDatedTarget
{
    public const string PinnedBinary = "@cloudflare/workerd-linux-64/bin/workerd";

    internal VersionedRelease? Release => release;

    private string Binary => release?.Binary ?? Executables.Pinned(RepositoryRoot, PinnedBinary);

    protected override Task<string?> ProbeAsync(CancellationToken cancellationToken) =>
        release is null ? ProbePinnedAsync(Binary, cancellationToken) : release.ResolveAsync(cancellationToken);

    /// <summary>`workerd --version`, e.g. <c>workerd 2026-11-17</c>: recorded with every snapshot accepted from workerd.</summary>
    public Task<string?> ReadVersionAsync(CancellationToken cancellationToken) => VersionProbe.ReadAsync(Binary, cancellationToken);

    protected override ProcessSpec Prepare(string folder, ScenarioProgram program)
    {
        var config = Path.Combine(folder, ProgramFiles.Config);
        File.WriteAllText(config, WorkerdConfig.Render(program.CompatibilityDate, program.CompatibilityFlags));
        return new ProcessSpec(Binary, ["test", config], folder, NodeStyleTarget.QuietEnvironment, WorkerdConfig.LoadErrorLine());
    }

    /// <summary>workerd reports a worker that fails to load on standard error (`service main: Uncaught SyntaxError: ...`).</summary>
    protected override string? DetectLoadError(ProcessOutcome outcome) =>
        outcome.ExitCode is not 0 ? outcome.StderrWatchMatch : null;

    /// <summary>workerd cancels a request whose promise can never settle and says so on standard error, then `test` fails.</summary>
    protected override string? DetectNeverSettled(ProcessOutcome outcome) =>
        outcome.StderrTail.Any(line => line.Contains("would never generate a response", StringComparison.Ordinal))
            ? "workerd detected that the worker hung and would never generate a response (its event loop ran dry with test() pending)"
            : null;
}
