using System.Diagnostics;
using Conformance.Harness.Scenarios;
using Workers.AsyncContext.Jint;

namespace Conformance.Harness.Targets.Reference;

/// <summary>
/// The in-process reference: the Jint host over the C# reference implementation. Each run gets its own engine, so runs can
/// go in parallel. The host is given the four modules of spec/trace-format.md ("What runs") with driver.mjs as the entry.
/// </summary>
public sealed class ReferenceTarget(DriverFiles driver, int? maxParallelism = null) : ITarget
{
    public const string TargetName = "reference";
    private const string TracePrefix = "@@trace "; // TF-1

    public string Name => TargetName;

    public int MaxParallelism { get; } = maxParallelism ?? Math.Max(1, Environment.ProcessorCount);

    public Task<string?> CheckAvailabilityAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    public Task<TargetRun> RunAsync(ScenarioProgram program, TimeSpan timeout, CancellationToken cancellationToken) =>
        Task.Run(() => Run(program, timeout, cancellationToken), cancellationToken);

    private TargetRun Run(ScenarioProgram program, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var trace = new List<string>();
        var stderr = new List<string>();
        var clock = Stopwatch.StartNew();
        var options = new WorkerHostOptions
        {
            CompatibilityDate = program.CompatibilityDate,
            WallClockTimeout = timeout,
            Stdout = text => Collect(text, trace),
            Stderr = text => { lock (stderr) stderr.Add(text); },
        };
        WorkerRunResult result;
        try
        {
            result = WorkerHost.Run(WorkerSource.FromModules(driver.ModulesFor(program), DriverFiles.EntryModule), options, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new TargetRun(RunStatus.Error, Snapshot(trace), "the run was cancelled", clock.Elapsed);
        }
        catch (Exception error)
        {
            return new TargetRun(RunStatus.Crash, Snapshot(trace), $"the reference host threw {error.GetType().Name}: {error.Message}", clock.Elapsed);
        }

        var lines = Snapshot(trace);
        var detail = Describe(result, stderr);
        return result.Outcome switch
        {
            WorkerOutcome.Completed => new TargetRun(RunStatus.Completed, lines, detail, clock.Elapsed),
            // TF-10: the target itself writes `load error: <Type>`; lines printed before the failure stay.
            WorkerOutcome.LoadError => new TargetRun(RunStatus.Completed, [.. lines, $"load error: {result.ErrorType ?? "Error"}"], detail, clock.Elapsed),
            WorkerOutcome.Timeout or WorkerOutcome.NeverSettled => new TargetRun(RunStatus.Timeout, lines, detail, clock.Elapsed),
            _ => new TargetRun(RunStatus.Crash, lines, detail, clock.Elapsed),
        };
    }

    /// <summary>TF-1: only lines starting with the prefix are trace lines; they stay escaped (TF-2) as the snapshot holds them.</summary>
    private static void Collect(string text, List<string> trace)
    {
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.TrimEnd('\r');
            if (!trimmed.StartsWith(TracePrefix, StringComparison.Ordinal)) continue;
            lock (trace) trace.Add(trimmed[TracePrefix.Length..]);
        }
    }

    private static IReadOnlyList<string> Snapshot(List<string> trace)
    {
        lock (trace) return trace.ToArray();
    }

    private static string Describe(WorkerRunResult result, List<string> stderr)
    {
        var head = result.Outcome == WorkerOutcome.Completed
            ? "completed"
            : $"{result.Outcome}{(result.ErrorType is null ? "" : $" ({result.ErrorType})")}{(result.Message is null ? "" : $": {result.Message}")}";
        string[] tail;
        lock (stderr) tail = stderr.TakeLast(20).ToArray();
        return tail.Length == 0 ? head : $"{head}\nstderr (last {tail.Length} lines):\n{string.Join("\n", tail)}";
    }
}
