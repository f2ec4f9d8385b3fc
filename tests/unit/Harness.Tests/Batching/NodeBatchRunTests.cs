using System.Collections.Concurrent;
using Xunit;
using Conformance.Harness.Scenarios;
using Conformance.Harness.Targets;
using Conformance.Harness.Targets.Process;
using static Harness.Tests.Process.ProcessTargetFixture;

namespace Harness.Tests.Batching;

/// <summary>
/// A batch on a real Node, Deno or Bun (B-13, TF-1b) gives every program its single-program result: each in a fresh worker
/// with its own globals and listeners (Deno: with no permissions, as a single run), and the ones a load error, a
/// never-settling test or a hang left unfinished from a run of their own, without costing the others their batch.
/// </summary>
public sealed class NodeBatchRunTests
{
    public static TheoryData<string> NodeStyle => new("node", "node26", "deno", "bun");

    // Own realm: no program sees another's global marker; own listeners: each program's rejection reaches its own
    // listener only, once (a shared realm would give the later programs the earlier programs' listeners too).
    private static string Good(string name) => $$"""
        import { AsyncLocalStorage } from 'node:async_hooks';
        const als = new AsyncLocalStorage();
        console.log('{{name}} sees marker', globalThis.marker);
        globalThis.marker = '{{name}}';
        addEventListener('unhandledrejection', () => console.log('unhandled seen by {{name}}'));
        export default {
          async test() {
            Promise.reject(new Error('{{name}}'));
            await als.run('{{name}}', async () => { await scheduler.wait(1); console.log(als.getStore()); });
          },
        };
        """;

    // Deno's single run has no permission at all; a batch worker must have none either, though the batch host may read the folder.
    private const string Permissions = """
        let read = 'no Deno';
        if (typeof Deno === 'object') {
          try { Deno.readTextFileSync(new URL(import.meta.url)); read = 'read allowed'; } catch (error) { read = `read denied: ${error.name}`; }
        }
        console.log(read);
        export default { test() {} };
        """;

    private static ScenarioProgram P(string id, string source) => new(id, source, ScenarioPlan.TestHandlerOnly, ScenarioProgram.DefaultCompatibilityDate);

    private static async Task<(IReadOnlyList<TargetRun> Runs, ConcurrentBag<string> Alone, NodeStyleTarget Target)> RunBatchAsync(string name, IReadOnlyList<ScenarioProgram> programs, TimeSpan timeout)
    {
        var target = (NodeStyleTarget)await AvailableAsync(name);
        var alone = new ConcurrentBag<string>();
        var batch = target.BatchRun((program, t, ct) => { alone.Add(program.Id); return target.RunAsync(program, t, ct); });
        return (await batch.RunAsync(programs, timeout, TestContext.Current.CancellationToken), alone, target);
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

    [Theory]
    [MemberData(nameof(NodeStyle))]
    public async Task Good_programs_run_in_the_batch_each_in_a_fresh_realm_with_its_single_run_trace(string name)
    {
        ScenarioProgram[] programs = [P("a", Good("a")), P("b", Good("b")), P("permissions", Permissions), P("c", Good("c"))];
        var (runs, alone, target) = await RunBatchAsync(name, programs, Generous);
        Assert.Empty(alone);
        Assert.Equal(["log: \"b sees marker\" undefined", "log: \"unhandled seen by b\"", "log: \"b\"", "end", ExitLine.Ok], runs[1].Trace);
        Assert.Equal(name == "deno" ? "log: \"read denied: NotCapable\"" : "log: \"no Deno\"", runs[2].Trace[0]);
        Assert.Contains("[ PASS ] p1", runs[1].StderrTail); // each program's own share of standard error
        await AssertSingleResultsAsync(target, programs, runs, Generous);
    }

    [Theory]
    [MemberData(nameof(NodeStyle))]
    public async Task A_load_error_a_test_that_never_settles_and_a_hang_cost_only_their_own_programs(string name)
    {
        var limit = TimeSpan.FromSeconds(4);
        ScenarioProgram[] programs =
        [
            P("good-1", Good("g1")),
            P("load-error", "console.log('never');\nexport default { test() { \n"),
            P("never-settles", "export default { test() { console.log('waiting'); return new Promise(() => {}); } };\n"),
            P("loops", "export default { test() { console.log('looping'); for (;;) {} } };\n"),
            P("good-2", Good("g2")),
        ];
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (runs, alone, target) = await RunBatchAsync(name, programs, limit);
        Assert.True(clock.Elapsed < limit * 4 + TimeSpan.FromSeconds(60), $"took {clock.Elapsed}"); // the hang costs one in-batch limit and one alone, not the full timeout of every program
        Assert.Equal(["load-error", "loops", "never-settles"], alone.Order(StringComparer.Ordinal));
        Assert.Equal(RunStatus.Completed, runs[4].Status); // the program after the hang still ran in the batch
        Assert.Equal(RunStatus.Timeout, runs[3].Status);
        await AssertSingleResultsAsync(target, programs, runs, limit);
    }

    /// <summary>
    /// Why node, node26 and bun keep one process per program (ProcessTargets.BatchedRuntimes, docs/performance.md): in a worker a
    /// program sees something a process of its own does not. Node's worker bootstrap takes async ids of its own, so the first
    /// AsyncResource a program makes has a higher asyncId(); Bun's executionAsyncResource() is the worker's stdin stream.
    /// </summary>
    [Theory]
    [InlineData("node", "import { AsyncResource } from 'node:async_hooks';\nconsole.log(new AsyncResource('x').asyncId());\nexport default { test() {} };\n")]
    [InlineData("node26", "import { AsyncResource } from 'node:async_hooks';\nconsole.log(new AsyncResource('x').asyncId());\nexport default { test() {} };\n")]
    [InlineData("bun", "import { executionAsyncResource } from 'node:async_hooks';\nconsole.log(Object.getPrototypeOf(executionAsyncResource())?.constructor?.name);\nexport default { test() {} };\n")]
    public async Task A_runtime_whose_worker_realm_a_program_can_tell_apart_does_not_batch(string name, string source)
    {
        ScenarioProgram[] programs = [P("first", source), P("second", source)];
        var (runs, alone, target) = await RunBatchAsync(name, programs, Generous);
        Assert.Empty(alone);
        var single = await target.RunAsync(programs[0], Generous, TestContext.Current.CancellationToken);
        Assert.NotEqual(single.Trace, runs[0].Trace);
        Assert.DoesNotContain(name, ProcessTargets.BatchedRuntimes);
        Assert.IsNotAssignableFrom<IBatchingTarget>(ProcessTargets.TryCreate(name, Root));
    }
}
