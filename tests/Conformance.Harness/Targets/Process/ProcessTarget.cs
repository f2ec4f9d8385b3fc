using System.Text;
using Conformance.Harness.Scenarios;

namespace Conformance.Harness.Targets.Process;

/// <summary>
/// A runtime run as a process, one fresh temporary folder per program (spec/trace-format.md, "What runs"):
/// the common modules are written, the subclass adds its host files and names the command, and the
/// outcome is mapped to a status. The folder is removed afterwards.
/// </summary>
internal abstract class ProcessTarget(string name, string repositoryRoot, ProcessTargetOptions options) : ITarget
{
    private readonly SemaphoreSlim availabilityGate = new(1, 1);
    private readonly Lazy<DriverFiles> driver = new(() => DriverFiles.Load(repositoryRoot));
    private bool availabilityKnown;
    private string? unavailableReason;

    public string Name { get; } = name;
    /// <summary>
    /// Runs in flight per core, for one process per program and for batches alike (<see cref="WorkerdTarget"/>,
    /// <see cref="BatchingNodeStyleTarget"/>): a run spends most of its wall time idle in its settle wait (TF-14, 100 ms
    /// against a start-up of 10-80 ms), so one run per core leaves the cores mostly idle. The two scenarios that flipped
    /// under four per core were made independent of load (docs/performance.md, "Lanes").
    /// </summary>
    public const int LanesPerCore = 4;

    public int MaxParallelism => LanesPerCore * Environment.ProcessorCount;
    public virtual bool PinsTraces => true;
    protected string RepositoryRoot { get; } = Path.GetFullPath(repositoryRoot);
    protected ProcessTargetOptions Options { get; } = options;
    protected DriverFiles Driver => driver.Value;

    /// <summary>Checked once per target (installing the pinned runtimes if they are missing); never throws for a missing runtime.</summary>
    public async Task<string?> CheckAvailabilityAsync(CancellationToken cancellationToken)
    {
        await availabilityGate.WaitAsync(cancellationToken);
        try
        {
            if (!availabilityKnown)
            {
                try
                {
                    unavailableReason = await ProbeAsync(cancellationToken) ?? (await Sandbox.ProblemAsync(Options) is { } sandbox ? $"{Name}: {sandbox}" : null);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    unavailableReason = $"{Name}: could not check the runtime: {e.Message}";
                }
                availabilityKnown = true;
            }
            return unavailableReason;
        }
        finally
        {
            availabilityGate.Release();
        }
    }

    /// <summary>Null when the runtime can run here; otherwise why not and how to fix it.</summary>
    protected abstract Task<string?> ProbeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Writes the target's own files into <paramref name="folder"/> and returns the command to run; <paramref name="service"/> is
    /// the program's service name in this run (<see cref="BridgeRules.ServiceFor"/>), for a target that writes workerd's config.
    /// </summary>
    protected abstract ProcessSpec Prepare(string folder, ScenarioProgram program, string service);

    /// <summary>
    /// How this target's bridge is read where the trace alone does not say how a run ended (<see cref="BridgeRules"/>): one
    /// rule set per bridge, so a runtime gets the same verdict whatever target name runs it (issue 18 item 10).
    /// </summary>
    protected abstract BridgeRules Rules { get; }

    public async Task<TargetRun> RunAsync(ScenarioProgram program, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var reason = await CheckAvailabilityAsync(cancellationToken);
        if (reason is not null) return new TargetRun(RunStatus.Unavailable, [], reason, TimeSpan.Zero);

        DirectoryInfo? folder = null;
        try
        {
            ProcessSpec spec;
            var nonce = TraceProtocol.NewNonce(); // TF-1c: only the driver's trace module (and workerd's service name) knows it
            var service = Rules.ServiceFor(nonce);
            try
            {
                folder = Directory.CreateTempSubdirectory("conformance-");
                ProgramFiles.WriteCommon(folder.FullName, driver.Value, program, nonce);
                spec = Prepare(folder.FullName, program, service) with { Nonce = nonce, StderrWatch = Rules.StderrWatchFor(service) };
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                return new TargetRun(RunStatus.Error, [], $"{Name}: could not prepare the run: {e.Message}", TimeSpan.Zero);
            }
            var outcome = await ProcessRunner.RunAsync(spec, timeout, Options, cancellationToken);
            return Map(outcome, timeout, service) with { ExitCode = outcome.ExitCode, StderrTail = outcome.StderrTail };
        }
        finally
        {
            TryDelete(folder);
        }
    }

    private TargetRun Map(ProcessOutcome outcome, TimeSpan timeout, string service)
    {
        var trace = outcome.Trace.ToList();
        // The probe ran this binary already: a start that fails now is the runtime's failure, not a missing install.
        if (outcome.StartFailure is not null)
            return new TargetRun(RunStatus.Crash, trace, $"{Name}: the process failed to start after a good probe: {outcome.StartFailure}", outcome.Elapsed);
        if (outcome.OutputOverflow)
            return new TargetRun(RunStatus.Crash, trace,
                $"{Name}: runaway output: more than {Options.MaxOutputChars} characters, or a line over {Options.MaxLineChars}; the process was stopped and the output truncated",
                outcome.Elapsed);
        if (outcome.EndSeen)
        {
            var note = outcome.ExitCode switch
            {
                null => $"stopped {Options.GraceAfterEnd.TotalSeconds:0.#} s after end",
                0 => "",
                int code => $"{DescribeExit(code)} after end",
            };
            return Completed(trace, outcome, service, loadError: false, note);
        }
        if (trace.Exists(line => line.StartsWith(TraceProtocol.LoadErrorPrefix, StringComparison.Ordinal)))
            return Completed(trace, outcome, service, loadError: true, "");
        if (!outcome.TimedOut && Rules.LoadError(outcome) is { } type)
        {
            trace.Add($"{TraceProtocol.LoadErrorPrefix}{type}");
            return Completed(trace, outcome, service, loadError: true, "");
        }
        if (outcome.UnprovenLines > 0 && !outcome.TimedOut)
            return new TargetRun(RunStatus.Crash, trace,
                $"{Name}: {DescribeExit(outcome.ExitCode ?? -1)} without end, after {outcome.UnprovenLines} line(s) that look like trace lines but lack this run's nonce (TF-1c): the driver did not write them, so the program did not run as the driver runs it{StderrTail(outcome)}",
                outcome.Elapsed);
        if (outcome.TimedOut)
            return new TargetRun(RunStatus.Timeout, trace, $"{Name}: no end within {timeout.TotalSeconds:0.###} s; the process tree was stopped{StderrTail(outcome)}", outcome.Elapsed);
        if (Rules.NeverSettled(outcome) is { } neverSettled)
            return new TargetRun(RunStatus.Timeout, trace, $"{Name}: never settled: {neverSettled}{StderrTail(outcome)}", outcome.Elapsed);
        return new TargetRun(RunStatus.Crash, trace, $"{Name}: {DescribeExit(outcome.ExitCode ?? -1)} without end{StderrTail(outcome)}", outcome.Elapsed);
    }

    /// <summary>TF-13: a completed trace ends with the target's exit line, from this program's report and the exit code.</summary>
    private static TargetRun Completed(List<string> trace, ProcessOutcome outcome, string service, bool loadError, string note)
    {
        bool? passed = outcome.TestReports.TryGetValue(service, out var p) ? p : null;
        trace.Add(ExitLine.ForProcess(outcome.ExitCode, loadError, passed));
        return new TargetRun(RunStatus.Completed, trace, note, outcome.Elapsed);
    }

    /// <summary>On Unix a process ended by a signal reports 128 + the signal number.</summary>
    private static string DescribeExit(int code) =>
        !OperatingSystem.IsWindows() && code > 128 && code < 128 + 65
            ? $"exit code {code} (signal {code - 128}{SignalName(code - 128)})"
            : $"exit code {code}";

    private static string SignalName(int signal) => signal switch
    {
        2 => " SIGINT", 6 => " SIGABRT", 9 => " SIGKILL", 11 => " SIGSEGV", 15 => " SIGTERM", _ => "",
    };

    private static string StderrTail(ProcessOutcome outcome)
    {
        if (outcome.StderrTail.Count == 0) return "";
        var text = new StringBuilder("\nlast lines on standard error:");
        foreach (var line in outcome.StderrTail) text.Append("\n  ").Append(line);
        return text.ToString();
    }

    private static void TryDelete(DirectoryInfo? folder)
    {
        if (folder is null) return;
        try
        {
            folder.Delete(recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // a leftover temp folder is not worth failing a run for
        }
    }

    /// <summary>Checks a binary inside the pinned packages, installing them once if targets/node_modules is missing.</summary>
    protected async Task<string?> ProbePinnedAsync(string path, CancellationToken cancellationToken)
    {
        if (Executables.PinnedPlatformProblem() is { } platform) return $"{Name}: {platform}";
        if (!File.Exists(path))
        {
            if (await RuntimeInstaller.EnsureInstalledAsync(RepositoryRoot, Options) is { } installError) return $"{Name}: {installError}";
            if (!File.Exists(path)) return $"{Name}: {path} is missing; {RuntimeInstaller.InstallHint}";
        }
        return await VersionProbe.CheckAsync(Name, path, cancellationToken);
    }
}
