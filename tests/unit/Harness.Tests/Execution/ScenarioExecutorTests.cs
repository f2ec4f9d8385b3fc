using Conformance.Harness.Execution;
using Conformance.Harness.Scenarios;
using Conformance.Harness.Targets;

namespace Harness.Tests.Execution;

public sealed class ScenarioExecutorTests
{
    private static ScenarioProgram Program(string id, string source = "export default {};") =>
        new(id, source, ScenarioPlan.TestHandlerOnly, ScenarioProgram.DefaultCompatibilityDate);

    [Fact]
    public async Task Never_runs_more_than_the_parallelism_at_once()
    {
        var running = 0;
        var peak = 0;
        var target = new SlowTarget(async () =>
        {
            var now = Interlocked.Increment(ref running);
            lock (this) peak = Math.Max(peak, now);
            await Task.Delay(20);
            Interlocked.Decrement(ref running);
        }, maxParallelism: 3);
        await using var executor = new ScenarioExecutor(target, TimeSpan.FromSeconds(5));
        var programs = Enumerable.Range(0, 12).Select(i => Program($"a/{i}")).ToArray();

        executor.Schedule(programs);
        await Task.WhenAll(programs.Select(executor.RunAsync));

        Assert.InRange(peak, 1, 3);
        Assert.Equal(12, target.Count);
    }

    [Fact]
    public async Task Another_program_under_a_scheduled_id_is_refused_not_run_again()
    {
        var target = new FakeTarget(p => FakeTarget.Completed(p.Source));
        await using var executor = new ScenarioExecutor(target, TimeSpan.FromSeconds(5));
        executor.Schedule([Program("a/1", "one")]);

        Action other = () => _ = executor.RunAsync(Program("a/1", "two")); // refused at once, before any run
        var error = Assert.Throws<InvalidOperationException>(other);
        var run = await executor.RunAsync(Program("a/1", "one"));

        Assert.Contains("compiled once", error.Message);
        Assert.Equal(["one"], run.Trace);
    }

    [Fact]
    public async Task A_target_that_throws_is_an_error_run()
    {
        var target = new FakeTarget(_ => throw new InvalidOperationException("broken adapter"));
        await using var executor = new ScenarioExecutor(target, TimeSpan.FromSeconds(5));

        var run = await executor.RunAsync(Program("a/1"));

        Assert.Equal(RunStatus.Error, run.Status);
        Assert.Contains("broken adapter", run.Detail);
    }

    private sealed class SlowTarget(Func<Task> work, int maxParallelism) : ITarget
    {
        private int _count;
        public int Count => _count;
        public string Name => "slow";
        public int MaxParallelism => maxParallelism;
        public Task<string?> CheckAvailabilityAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);

        public async Task<TargetRun> RunAsync(ScenarioProgram program, TimeSpan timeout, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            await work();
            return FakeTarget.Completed("end");
        }
    }
}
