using System.Collections.Concurrent;
using Conformance.Harness.Scenarios;
using Conformance.Harness.Targets;

namespace Explore.Tests;

/// <summary>A target that answers each program from its source, counting runs per source.</summary>
public sealed class ScriptedTarget(string name, Func<ScenarioProgram, TargetRun> answer) : ITarget
{
    public ConcurrentDictionary<string, int> Runs { get; } = new();
    public string Name => name;
    public int MaxParallelism => 4;

    public Task<string?> CheckAvailabilityAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    public Task<TargetRun> RunAsync(ScenarioProgram program, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Runs.AddOrUpdate(program.Source, 1, (_, n) => n + 1);
        return Task.FromResult(answer(program));
    }

    public static TargetRun Completed(IEnumerable<string> trace) => new(RunStatus.Completed, [.. trace], "", TimeSpan.FromMilliseconds(1));

    /// <summary>A stand-in for a runtime's trace: the program's log calls, in source order, then the end lines.</summary>
    public static IEnumerable<string> LogsOf(ScenarioProgram program) =>
        program.Source.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("log(", StringComparison.Ordinal)).Append("log: \"end\" undefined undefined undefined").Append("end").Append("exit: ok");

    /// <summary>The truth: the log lines of the program.</summary>
    public static ScriptedTarget Truth() => new("workerd", p => Completed(LogsOf(p)));

    /// <summary>A target that agrees with <see cref="Truth"/> except on programs containing <paramref name="marker"/>.</summary>
    public static ScriptedTarget DivergingOn(string marker) =>
        new("fake", p => Completed(p.Source.Contains(marker, StringComparison.Ordinal) ? LogsOf(p).Prepend("log: \"wrong\"") : LogsOf(p)));
}
