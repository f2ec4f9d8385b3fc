using Conformance.Harness.Scenarios;

namespace Conformance.Harness.Targets;

/// <summary>How a target's run of one program ended, before any comparison with a snapshot.</summary>
public enum RunStatus
{
    /// <summary>The driver reached its end line, or the program failed to load (a `load error:` line).</summary>
    Completed,
    /// <summary>The run did not finish within the scenario's time limit.</summary>
    Timeout,
    /// <summary>The runtime ended without the driver's end line and without a load error (signal, abort, exit code).</summary>
    Crash,
    /// <summary>The harness could not run it (could not write files, bad configuration): our fault, not the runtime's.</summary>
    Error,
    /// <summary>The runtime is not installed or cannot start here; the detail says how to install it.</summary>
    Unavailable,
}

/// <summary>What one run produced: the canonical trace lines (prefix stripped, spec/trace-format.md) and a detail for humans.</summary>
public sealed record TargetRun(RunStatus Status, IReadOnlyList<string> Trace, string Detail, TimeSpan Elapsed)
{
    /// <summary>The runtime process's exit code, when it exited by itself (null for the in-process reference, a stopped process).</summary>
    public int? ExitCode { get; init; }

    /// <summary>The last lines the runtime wrote on standard error, kept for every status (a FAIL's uncaught error is often there).</summary>
    public IReadOnlyList<string> StderrTail { get; init; } = [];
}

/// <summary>A runtime the suite judges: the in-process reference, or a process (workerd, node, deno, bun, command).</summary>
public interface ITarget
{
    /// <summary>The name used on the command line, in reports and in targets/expectations/&lt;name&gt;.txt.</summary>
    string Name { get; }

    /// <summary>How many programs this target can run at once without their results interfering.</summary>
    int MaxParallelism { get; }

    /// <summary>
    /// Whether a known FAIL on this target is pinned to its failing trace (a digest and a trace file beside the list). False for
    /// a runtime whose version the suite does not pin (the `node` on PATH): its known failures match by id and status only.
    /// </summary>
    bool PinsTraces => true;

    /// <summary>
    /// The parts of the Workers platform this target provides (<see cref="Scenarios.Capabilities"/>, issue 20, item 3): workerd
    /// and the reference provide them all; node, deno, bun and a command none, so a scenario needing one is NOT-APPLICABLE there.
    /// </summary>
    IReadOnlySet<string> Capabilities => NoCapabilities;

    static IReadOnlySet<string> NoCapabilities { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Null when the target can run here; otherwise why not and how to fix it.</summary>
    Task<string?> CheckAvailabilityAsync(CancellationToken cancellationToken);

    Task<TargetRun> RunAsync(ScenarioProgram program, TimeSpan timeout, CancellationToken cancellationToken);
}

/// <summary>
/// A target whose runtime has Workers compatibility dates (workerd): its <see cref="IVersionedTarget"/> version text names the
/// newest date the binary supports, to which a run's dates are clamped (spec/runtime-bridges.md, "Compatibility dates").
/// </summary>
public interface ICompatibilityDatedTarget : IVersionedTarget;

/// <summary>A target that can say which version of its runtime it runs, for the snapshot provenance manifest.</summary>
public interface IVersionedTarget
{
    /// <summary>The runtime's own version text (workerd: its `--version` output), or null when it cannot be read.</summary>
    Task<string?> ReadVersionAsync(CancellationToken cancellationToken);
}
