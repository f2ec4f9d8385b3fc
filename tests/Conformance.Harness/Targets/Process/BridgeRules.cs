using System.Text.RegularExpressions;

namespace Conformance.Harness.Targets.Process;

/// <summary>
/// How a run's end is read where the trace alone does not say it (spec/runtime-bridges.md, "One verdict per bridge"): a
/// load error the runtime reported outside the trace (TF-10), and a process that ended without `end` because the program
/// never settles (a TIMEOUT, not a CRASH). The rules belong to the bridge, not to the target's name: every target that runs
/// a program through targets/hosts/node-host.mjs, named (node, node26, deno, bun, system-node, versioned) or
/// `command:... {node-host}`, is judged by <see cref="NodeHost"/>, and every one that runs workerd's config by
/// <see cref="Workerd"/> (issue 18 item 10: the same binary gets the same verdict whatever name runs it).
/// </summary>
internal sealed class BridgeRules
{
    private readonly Func<ProcessOutcome, string?> loadError;
    private readonly Func<ProcessOutcome, string?> neverSettled;
    private readonly Func<string, string> service;
    private readonly Func<string, Regex?> stderrWatch;

    private BridgeRules(string name, Func<string, string> service, Func<string, Regex?> stderrWatch, Func<ProcessOutcome, string?> loadError,
        Func<ProcessOutcome, string?> neverSettled)
    {
        Name = name;
        this.service = service;
        this.stderrWatch = stderrWatch;
        this.loadError = loadError;
        this.neverSettled = neverSettled;
    }

    public string Name { get; }

    /// <summary>The name the program's report (`[ PASS ] name`, TF-13) and any load error on standard error carry in the run with this nonce.</summary>
    public string ServiceFor(string nonce) => service(nonce);

    /// <summary>The standard-error line whose first group is a load error's type for <paramref name="serviceName"/>, or null.</summary>
    public Regex? StderrWatchFor(string serviceName) => stderrWatch(serviceName);

    /// <summary>The error type of a load failure the runtime reported outside the trace (TF-10), or null.</summary>
    public string? LoadError(ProcessOutcome outcome) => loadError(outcome);

    /// <summary>Why a process that ended without `end` (and without a load error) did so because the program never settles, or null.</summary>
    public string? NeverSettled(ProcessOutcome outcome) => neverSettled(outcome);

    /// <summary>
    /// The node-host bridge writes `load error:` itself (B-9), so nothing is read from standard error. It exits with 0 only
    /// after test() returned, which is after `end` (B-6): a runtime that exits with 0 without `end` ran out of work while
    /// test() was pending; its event loop ran dry, the program never settles.
    /// </summary>
    public static BridgeRules NodeHost { get; } = new("node-host", _ => ProgramFiles.Service, _ => null,
        _ => null,
        outcome => outcome.ExitCode == 0
            ? "the runtime exited with code 0 without end: its event loop ran dry while test() (or a request) was still pending"
            : null);

    /// <summary>
    /// workerd reports a worker that fails to load on standard error (`service main-&lt;nonce&gt;: Uncaught SyntaxError: ...`,
    /// WB-5), and cancels a request whose promise can never settle, saying so on standard error, before `test` fails. A worker
    /// that does not parse runs none of its modules, so the driver cannot prove it ran; the service's name carries the run's
    /// nonce instead (TF-1c), and only that service's load error and report count.
    /// </summary>
    public static BridgeRules Workerd { get; } = new("workerd", nonce => $"{ProgramFiles.Service}-{nonce}", WorkerdConfig.LoadErrorLine,
        WorkerdLoadError,
        outcome => outcome.StderrTail.Any(line => line.Contains("would never generate a response", StringComparison.Ordinal))
            ? "workerd detected that the worker hung and would never generate a response (its event loop ran dry with test() pending)"
            : null);

    /// <summary>
    /// A runtime that hosts the driver itself (`{driver}` or `{dir}` only): its host writes `load error:` through trace.mjs's
    /// `emit`, which carries the run's nonce (TF-1c); nothing printed on standard error is read as a load error, since any
    /// process can print it (issue 18 item 9). It has no rule for a program that never settles: it must hang (TIMEOUT at the
    /// limit) or say nothing (CRASH).
    /// </summary>
    public static BridgeRules OwnHost { get; } = new("own host", _ => ProgramFiles.Service, _ => null, _ => null, _ => null);

    private static string? WorkerdLoadError(ProcessOutcome outcome) => outcome.ExitCode is not 0 ? outcome.StderrWatchMatch : null;
}
