using System.Collections.Concurrent;
using Xunit;
using Conformance.Harness.Execution;
using Conformance.Harness.Scenarios;
using Conformance.Harness.Targets;

namespace Harness.Tests.Batching;

/// <summary>
/// On a batching target the executor's contract holds (a run is never repeated; a test awaits its own program): batches
/// are cut from the prefetch queue in order, at most MaxBatchesInFlight at once, and every program runs exactly once.
/// </summary>
public sealed class BatchedExecutorTests
{
    private static ScenarioProgram Program(string id) => new(id, id, ScenarioPlan.TestHandlerOnly, ScenarioProgram.DefaultCompatibilityDate);

    /// <summary>Answers each program with its own id; records batches and single runs, and how many batches ran at once.</summary>
    private sealed class RecordingBatchTarget(int maxBatchSize, int inFlight, TimeSpan batchTime) : IBatchingTarget
    {
        private int running;
        public ConcurrentQueue<string[]> Batches { get; } = new();
        public ConcurrentQueue<string> Alone { get; } = new();
        public int Peak;
        public string Name => "fake-batching";
        public int MaxParallelism => 1;
        public int MaxBatchSize => maxBatchSize;
        public int MaxBatchesInFlight => inFlight;

        public Task<string?> CheckAvailabilityAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);

        public async Task<TargetRun> RunAsync(ScenarioProgram program, TimeSpan timeout, CancellationToken cancellationToken)
        {
            Alone.Enqueue(program.Id);
            await Task.Delay(batchTime, cancellationToken); // a run alone takes time too, as a process does
            return Run(program);
        }

        public async Task<IReadOnlyList<TargetRun>> RunBatchAsync(IReadOnlyList<ScenarioProgram> programs, TimeSpan timeout, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref running);
            lock (Batches) Peak = Math.Max(Peak, now);
            Batches.Enqueue([.. programs.Select(p => p.Id)]);
            await Task.Delay(batchTime, cancellationToken);
            Interlocked.Decrement(ref running);
            return [.. programs.Select(Run)];
        }

        private static TargetRun Run(ScenarioProgram program) => new(RunStatus.Completed, [program.Id], "", TimeSpan.Zero);
    }

    [Fact]
    public async Task Every_program_runs_once_in_queue_order_batches_with_at_most_the_batches_in_flight()
    {
        var target = new RecordingBatchTarget(maxBatchSize: 5, inFlight: 3, TimeSpan.FromMilliseconds(30));
        await using var executor = new ScenarioExecutor(target, TimeSpan.FromSeconds(5));
        var programs = Enumerable.Range(0, 40).Select(i => Program($"p{i:00}")).ToArray();
        executor.Schedule(programs);
        var runs = new List<TargetRun>();
        foreach (var program in programs) runs.Add(await executor.RunAsync(program)); // as the tests do, one after another

        Assert.True(executor.Batching);
        Assert.Equal(programs.Select(p => new[] { p.Id }), runs.Select(r => r.Trace.ToArray())); // each test got its own program's run
        var all = target.Batches.SelectMany(b => b).Concat(target.Alone).ToList();
        Assert.Equal(programs.Select(p => p.Id).Order(), all.Order()); // each exactly once
        Assert.All(target.Batches, b => Assert.InRange(b.Length, 1, 5));
        Assert.All(target.Batches, b => Assert.Equal(b.Order(StringComparer.Ordinal), b)); // consecutive in feature order
        Assert.InRange(target.Peak, 1, 3);
        Assert.True(target.Alone.Count <= 1, $"ran alone: {string.Join(", ", target.Alone)}"); // at most the first, reached before any batch
    }

    [Fact]
    public async Task A_test_that_reaches_its_program_before_any_batch_runs_it_alone_and_no_batch_runs_it_again()
    {
        var target = new RecordingBatchTarget(maxBatchSize: 4, inFlight: 1, TimeSpan.FromMilliseconds(200));
        await using var executor = new ScenarioExecutor(target, TimeSpan.FromSeconds(5));
        var programs = Enumerable.Range(0, 12).Select(i => Program($"p{i:00}")).ToArray();
        executor.Schedule(programs);
        var last = await executor.RunAsync(programs[^1]); // the first batch holds the only slot: p11 is claimed before any batch reaches it
        var runs = await Task.WhenAll(programs.Select(executor.RunAsync));

        Assert.Equal(["p11"], last.Trace);
        Assert.Contains("p11", target.Alone);
        Assert.DoesNotContain(target.Batches, b => b.Contains("p11"));
        Assert.Equal(12, target.Batches.Sum(b => b.Length) + target.Alone.Count);
        Assert.Equal(programs.Select(p => p.Id), runs.Select(r => r.Trace[0]));
    }

    [Fact]
    public async Task Without_batching_every_program_runs_alone()
    {
        var target = new RecordingBatchTarget(maxBatchSize: 4, inFlight: 2, TimeSpan.Zero);
        await using var executor = new ScenarioExecutor(target, TimeSpan.FromSeconds(5), batching: false);
        var programs = Enumerable.Range(0, 6).Select(i => Program($"p{i}")).ToArray();
        executor.Schedule(programs);
        await Task.WhenAll(programs.Select(executor.RunAsync));

        Assert.False(executor.Batching);
        Assert.Empty(target.Batches);
        Assert.Equal(6, target.Alone.Count);
    }

    [Fact]
    public async Task Programs_run_all_at_once_are_batched_also_after_the_first_schedule_ran_out()
    {
        var target = new RecordingBatchTarget(maxBatchSize: 4, inFlight: 2, TimeSpan.FromMilliseconds(20));
        await using var executor = new ScenarioExecutor(target, TimeSpan.FromSeconds(5));
        var first = Enumerable.Range(0, 8).Select(i => Program($"a{i}")).ToArray();
        var firstRuns = await executor.RunAllAsync(first);
        await Task.Delay(100, TestContext.Current.CancellationToken); // the workers find the queue empty and stop
        var second = Enumerable.Range(0, 8).Select(i => Program($"b{i}")).ToArray();
        var secondRuns = await executor.RunAllAsync(second);

        Assert.Equal(first.Select(p => p.Id), firstRuns.Select(r => r.Trace[0]));
        Assert.Equal(second.Select(p => p.Id), secondRuns.Select(r => r.Trace[0]));
        Assert.Empty(target.Alone); // waiting on a run claims nothing: every program went through a batch
        Assert.Equal(16, target.Batches.Sum(b => b.Length));
    }
}
