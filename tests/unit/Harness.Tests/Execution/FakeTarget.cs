using System.Collections.Concurrent;
using Conformance.Harness.Scenarios;
using Conformance.Harness.Targets;

namespace Harness.Tests.Execution;

/// <summary>A target that answers from a table: program id → run. Counts runs per id.</summary>
public sealed class FakeTarget(Func<ScenarioProgram, TargetRun> answer, int maxParallelism = 2, string? unavailable = null) : ITarget
{
    public ConcurrentDictionary<string, int> Runs { get; } = new();
    public string Name => "fake";
    public int MaxParallelism => maxParallelism;

    public Task<string?> CheckAvailabilityAsync(CancellationToken cancellationToken) => Task.FromResult(unavailable);

    public Task<TargetRun> RunAsync(ScenarioProgram program, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Runs.AddOrUpdate(program.Id, 1, (_, n) => n + 1);
        return Task.FromResult(answer(program));
    }

    public static TargetRun Completed(params string[] trace) => new(RunStatus.Completed, trace, "", TimeSpan.FromMilliseconds(1));
}
