using System.Collections.Concurrent;
using Xunit;
using Conformance.Harness.Scenarios;
using Conformance.Harness.Targets;
using Conformance.Harness.Targets.Process;
using static Harness.Tests.Process.ProcessTargetFixture;

namespace Harness.Tests.Batching;

/// <summary>
/// A batch on the real workerd gives every program its single-program result (TF-1b): the good ones from the batch, each
/// in its own worker, and the ones a load error, a never-settling test or a hang left unfinished from a run of their own.
/// </summary>
public sealed class WorkerdBatchRunTests
{
    private static string Good(string name) => $$"""
        import { AsyncLocalStorage } from 'node:async_hooks';
        const als = new AsyncLocalStorage();
        console.log('{{name}} sees marker', globalThis.marker);
        globalThis.marker = '{{name}}';
        export default {
          async fetch() { return new Response(als.run('{{name}}', () => als.getStore())); },
          async test() { await als.run('{{name}}', async () => { await scheduler.wait(1); console.log(als.getStore()); }); },
        };
        """;

    private static readonly ScenarioPlan OneRequest = new([new("GET", "/")], Concurrent: false);

    private static ScenarioProgram P(string id, string source, ScenarioPlan? plan = null, string? date = null) =>
        new(id, source, plan ?? OneRequest, date ?? ScenarioProgram.DefaultCompatibilityDate);

    /// <summary>The batch run of <paramref name="programs"/>, and which programs it ran alone.</summary>
    private static async Task<(IReadOnlyList<TargetRun> Runs, ConcurrentBag<string> Alone)> RunBatchAsync(ITarget target, IReadOnlyList<ScenarioProgram> programs, TimeSpan timeout)
    {
        var alone = new ConcurrentBag<string>();
        var batch = new WorkerdBatchRun(Executables.Pinned(Root, WorkerdTarget.PinnedBinary), DriverFiles.FromRepository(), ProcessTargetOptions.Default,
            (program, t, ct) => { alone.Add(program.Id); return target.RunAsync(program, t, ct); });
        return (await batch.RunAsync(programs, timeout, TestContext.Current.CancellationToken), alone);
    }

    private static async Task AssertSingleResultsAsync(ITarget target, IReadOnlyList<ScenarioProgram> programs, IReadOnlyList<TargetRun> batched, TimeSpan timeout)
    {
        for (var i = 0; i < programs.Count; i++)
        {
            var single = await target.RunAsync(programs[i], timeout, TestContext.Current.CancellationToken);
            Assert.True(single.Status == batched[i].Status, $"{programs[i].Id}: alone {single.Status}, batched {batched[i].Status}: {batched[i].Detail}");
            Assert.Equal(single.Trace, batched[i].Trace);
        }
    }

    [Fact]
    public async Task Good_programs_run_in_the_batch_each_in_its_own_worker_with_its_single_run_trace()
    {
        var target = await AvailableAsync("workerd");
        ScenarioProgram[] programs = [P("a", Good("a")), P("b", Good("b"), date: "2024-01-01"), P("c", Good("c"))];
        var (runs, alone) = await RunBatchAsync(target, programs, Generous);
        Assert.Empty(alone);
        // Own globals and own SELF: no program sees another's marker, and each request reaches its own fetch.
        Assert.Equal(["log: \"b sees marker\" undefined", "log: \"b\"", "response #0: 200 b", "end", ExitLine.Ok], runs[1].Trace);
        await AssertSingleResultsAsync(target, programs, runs, Generous);
    }

    [Fact]
    public async Task A_load_error_and_a_test_that_never_settles_cost_only_their_own_programs()
    {
        var target = await AvailableAsync("workerd");
        ScenarioProgram[] programs =
        [
            P("good-1", Good("g1")),
            P("load-error", "console.log('never');\nexport default { test() { \n"),
            P("good-2", Good("g2")),
            P("never-settles", "export default { test() { console.log('waiting'); return new Promise(() => {}); } };\n", ScenarioPlan.TestHandlerOnly),
            P("good-3", Good("g3")),
        ];
        var (runs, alone) = await RunBatchAsync(target, programs, Generous);
        Assert.Equal(["load-error", "never-settles"], alone.Order(StringComparer.Ordinal));
        Assert.Equal([ "load error: SyntaxError", ExitLine.LoadFailed ], runs[1].Trace);
        await AssertSingleResultsAsync(target, programs, runs, Generous);
    }

    [Fact]
    public async Task A_hang_stops_the_batch_within_the_time_limit_and_the_rest_run_alone_with_their_single_results()
    {
        var target = await AvailableAsync("workerd");
        var limit = TimeSpan.FromSeconds(4);
        ScenarioProgram[] programs =
        [
            P("before", Good("before")),
            P("loops", "export default { test() { console.log('looping'); for (;;) {} } };\n", ScenarioPlan.TestHandlerOnly),
            P("after", Good("after")),
        ];
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (runs, alone) = await RunBatchAsync(target, programs, limit);
        Assert.True(clock.Elapsed < limit * 3 + TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        Assert.Equal(["after", "loops"], alone.Order(StringComparer.Ordinal));
        Assert.Equal(RunStatus.Completed, runs[0].Status);
        Assert.Equal(RunStatus.Timeout, runs[1].Status);
        Assert.Contains("in a batch it started and did not end", runs[1].Detail); // the hang names its program
        await AssertSingleResultsAsync(target, programs, runs, limit);
    }
}
