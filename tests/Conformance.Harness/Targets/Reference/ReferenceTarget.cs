using System.Diagnostics;
using Conformance.Harness.Scenarios;
using Workers.AsyncContext.Jint;

namespace Conformance.Harness.Targets.Reference;

/// <summary>
/// The in-process reference: the Jint host over the C# reference implementation. Each run gets its own engine, so runs can
/// go in parallel. The host is given the four modules of spec/trace-format.md ("What runs") with driver.mjs as the entry.
/// Runaway output is capped as on the process targets (spec/runtime-bridges.md): beyond <see cref="MaxOutputChars"/>
/// characters of standard output the run is stopped and is a crash saying so, and no further line is kept.
/// </summary>
public sealed class ReferenceTarget(DriverFiles driver, int? maxParallelism = null, long? maxOutputChars = null) : ITarget
{
    public const string TargetName = "reference";

    public string Name => TargetName;

    /// <summary>The platform's boundaries the reference implements (issue 20, item 4; reference-impl WorkerRuntime.Platform.cs).</summary>
    public IReadOnlySet<string> Capabilities => Scenarios.Capabilities.ReferenceHost;

    public int MaxParallelism { get; } = maxParallelism ?? Math.Max(1, Environment.ProcessorCount);

    /// <summary>Characters of standard output one run may write (default: the process targets' cap, 16 M).</summary>
    public long MaxOutputChars { get; } = maxOutputChars ?? Process.ProcessTargetOptions.Default.MaxOutputChars;

    public Task<string?> CheckAvailabilityAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    public Task<TargetRun> RunAsync(ScenarioProgram program, TimeSpan timeout, CancellationToken cancellationToken) =>
        Task.Run(() => Run(program, timeout, cancellationToken), cancellationToken);

    private TargetRun Run(ScenarioProgram program, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var trace = new List<string>();
        var stderr = new List<string>();
        var output = new OutputBudget(MaxOutputChars);
        using var overflow = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var clock = Stopwatch.StartNew();
        var options = new WorkerHostOptions
        {
            CompatibilityDate = program.CompatibilityDate,
            CompatibilityFlagNames = program.CompatibilityFlags,
            PlatformBindings = [.. program.Bindings.Select(b => new WorkerPlatformBinding(b.Kind == PlatformBindingKind.DurableObject, b.ClassName, b.Binding))],
            CacheBackend = program.CacheBackend,
            ExtraHandlers = program.ExtraHandlers,
            QueueBroker = program.QueueBroker,
            WallClockTimeout = timeout,
            Stdout = text =>
            {
                if (output.Take(text.Length + 1)) Collect(text, trace);
                else overflow.Cancel();
            },
            Stderr = text => { lock (stderr) stderr.Add(text); },
        };
        WorkerRunResult result;
        try
        {
            result = WorkerHost.Run(WorkerSource.FromModules(driver.ModulesFor(program), DriverFiles.EntryModuleOf(program)), options, overflow.Token);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new TargetRun(RunStatus.Error, Snapshot(trace), "the run was cancelled", clock.Elapsed);
        }
        catch (Exception error) when (!output.Exceeded)
        {
            return new TargetRun(RunStatus.Crash, Snapshot(trace), $"the reference host threw {error.GetType().Name}: {error.Message}", clock.Elapsed);
        }
        catch (Exception) when (output.Exceeded)
        {
            result = new WorkerRunResult(WorkerOutcome.Timeout, null, null);
        }
        if (cancellationToken.IsCancellationRequested)
            return new TargetRun(RunStatus.Error, Snapshot(trace), "the run was cancelled", clock.Elapsed);

        var lines = Snapshot(trace);
        if (output.Exceeded)
            return new TargetRun(RunStatus.Crash, lines,
                $"runaway output: more than {MaxOutputChars} characters on standard output; the run was stopped and the output truncated", clock.Elapsed);
        var detail = Describe(result, stderr);
        return Outcome(result, lines, detail, clock.Elapsed) with { StderrTail = Tail(stderr) };
    }

    private static TargetRun Outcome(WorkerRunResult result, IReadOnlyList<string> lines, string detail, TimeSpan elapsed)
    {
        return result.Outcome switch
        {
            WorkerOutcome.Completed => new TargetRun(RunStatus.Completed, [.. lines, ExitLine.Ok], detail, elapsed),
            // TF-13: a test that failed after the driver's `end` (an uncaught error in a timer, a rejected waitUntil) completed.
            WorkerOutcome.TestFailed when lines.Contains(TraceProtocol.End) =>
                new TargetRun(RunStatus.Completed, [.. lines, ExitLine.TestFailed], detail, elapsed),
            // TF-10: the target itself writes `load error: <Type>`; lines printed before the failure stay.
            WorkerOutcome.LoadError => new TargetRun(RunStatus.Completed,
                [.. lines, $"{TraceProtocol.LoadErrorPrefix}{result.ErrorType ?? "Error"}", ExitLine.LoadFailed], detail, elapsed),
            WorkerOutcome.Timeout or WorkerOutcome.NeverSettled => new TargetRun(RunStatus.Timeout, lines, detail, elapsed),
            _ => new TargetRun(RunStatus.Crash, lines, detail, elapsed),
        };
    }

    /// <summary>Standard-output characters left to a run; once spent, every further write is refused.</summary>
    private sealed class OutputBudget(long max)
    {
        private long _used;

        public bool Exceeded => Interlocked.Read(ref _used) > max;

        public bool Take(long chars) => Interlocked.Add(ref _used, chars) <= max;
    }

    /// <summary>TF-1: only lines starting with the prefix are trace lines; they stay escaped (TF-2) as the snapshot holds them.</summary>
    private static void Collect(string text, List<string> trace)
    {
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.TrimEnd('\r');
            if (!trimmed.StartsWith(TraceProtocol.Prefix, StringComparison.Ordinal)) continue;
            lock (trace) trace.Add(trimmed[TraceProtocol.Prefix.Length..]);
        }
    }

    private static IReadOnlyList<string> Snapshot(List<string> trace)
    {
        lock (trace) return trace.ToArray();
    }

    private static string[] Tail(List<string> stderr)
    {
        lock (stderr) return stderr.TakeLast(20).ToArray();
    }

    private static string Describe(WorkerRunResult result, List<string> stderr)
    {
        var head = result.Outcome == WorkerOutcome.Completed
            ? "completed"
            : $"{result.Outcome}{(result.ErrorType is null ? "" : $" ({result.ErrorType})")}{(result.Message is null ? "" : $": {result.Message}")}";
        var tail = Tail(stderr);
        return tail.Length == 0 ? head : $"{head}\nstderr (last {tail.Length} lines):\n{string.Join("\n", tail)}";
    }
}
