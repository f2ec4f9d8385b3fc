using Xunit;
using Conformance.Harness.Scenarios;
using Conformance.Harness.Targets;
using Conformance.Harness.Targets.Process;
using static Harness.Tests.Process.ProcessTargetFixture;

namespace Harness.Tests.Process;

/// <summary>Every process target runs the shared driver and reports the same trace (spec/trace-format.md).</summary>
public sealed class ProcessTargetRunTests
{
    [Theory]
    [MemberData(nameof(Runtimes), MemberType = typeof(ProcessTargetFixture))]
    public async Task A_program_logging_inside_run_gives_the_canonical_trace(string runtime)
    {
        var target = await AvailableAsync(runtime);
        var run = await RunAsync(target, Program("""
            import { AsyncLocalStorage } from 'node:async_hooks';
            const als = new AsyncLocalStorage();
            console.log('top level', als.getStore());
            export default {
              async test() {
                await als.run(42, async () => {
                  await scheduler.wait(1);
                  console.log('store', als.getStore(), 'x', [1, 'a'], { k: true });
                });
                console.info('after', als.getStore());
              },
            };
            """));
        AssertTrace(run, "log: \"top level\" undefined", "log: \"store\" 42 \"x\" [1, \"a\"] {k: true}", "info: \"after\" undefined", "end", ExitLine.Ok);
    }

    [Theory]
    [MemberData(nameof(Runtimes), MemberType = typeof(ProcessTargetFixture))]
    public async Task A_syntax_error_is_a_load_error(string runtime)
    {
        var target = await AvailableAsync(runtime);
        var run = await RunAsync(target, Program("console.log('never');\nexport default { test() { \n"));
        AssertTrace(run, "load error: SyntaxError", ExitLine.LoadFailed);
    }

    [Theory]
    [MemberData(nameof(Runtimes), MemberType = typeof(ProcessTargetFixture))]
    public async Task Throwing_at_load_is_a_load_error_after_the_lines_already_written(string runtime)
    {
        var target = await AvailableAsync(runtime);
        var run = await RunAsync(target, Program("console.log('before');\nthrow new Error('at load');\nexport default {};\n"));
        AssertTrace(run, "log: \"before\"", "load error: Error", ExitLine.LoadFailed);
    }

    [Theory]
    [MemberData(nameof(Runtimes), MemberType = typeof(ProcessTargetFixture))]
    public async Task Concurrent_requests_through_SELF_each_start_in_an_empty_context_with_their_own_store(string runtime)
    {
        var target = await AvailableAsync(runtime);
        var plan = new ScenarioPlan([new("GET", "/a"), new("POST", "/b", "body"), new("GET", "/c")], Concurrent: true);
        var run = await RunAsync(target, Program("""
            import { AsyncLocalStorage } from 'node:async_hooks';
            const als = new AsyncLocalStorage();
            export default {
              async test(controller, env) {
                await als.run('caller', async () => {
                  const response = await env.SELF.fetch('http://conformance.test/from-test');
                  console.log('from test', await response.text(), als.getStore());
                });
              },
              async fetch(request) {
                const path = new URL(request.url).pathname;
                const before = als.getStore();
                const body = request.method === 'POST' ? await request.text() : '-';
                return als.run(path, async () => {
                  await scheduler.wait(path === '/a' ? 30 : 5);
                  await Promise.resolve();
                  return new Response(`${before}|${als.getStore()}|${body}`);
                });
              },
            };
            """, plan));
        AssertTrace(run,
            "log: \"from test\" \"undefined|/from-test|-\" \"caller\"",
            "response #0: 200 undefined|/a|-",
            "response #1: 200 undefined|/b|body",
            "response #2: 200 undefined|/c|-",
            "end",
            ExitLine.Ok);
    }

    [Theory]
    [MemberData(nameof(Runtimes), MemberType = typeof(ProcessTargetFixture))]
    public async Task A_program_that_never_ends_times_out_within_the_limit_and_its_process_is_gone(string runtime)
    {
        var target = await AvailableAsync(runtime);
        var limit = TimeSpan.FromSeconds(2);
        var run = await RunAsync(target, Program("""
            console.log('started');
            export default { test() { for (;;) {} } };
            """), limit);
        Assert.True(run.Status == RunStatus.Timeout, $"status {run.Status}: {run.Detail}");
        Assert.Equal(["log: \"started\""], run.Trace);
        Assert.InRange(run.Elapsed, limit, limit + TimeSpan.FromSeconds(10));
        Assert.Empty(OrphanedRunProcesses());
    }

    [Theory]
    [MemberData(nameof(Runtimes), MemberType = typeof(ProcessTargetFixture))]
    public async Task Runaway_output_is_capped_and_reported(string runtime)
    {
        var target = await AvailableAsync(runtime, new ProcessTargetOptions { MaxOutputChars = 256 * 1024 });
        var run = await RunAsync(target, Program("""
            export default { test() { const line = 'x'.repeat(1000); for (let i = 0; i < 20000; i++) console.log(line); } };
            """));
        Assert.True(run.Status == RunStatus.Crash, $"status {run.Status}: {run.Detail}");
        Assert.Contains("runaway output", run.Detail);
        Assert.InRange(run.Trace.Count, 1, 300);
    }

    [Theory]
    [MemberData(nameof(Runtimes), MemberType = typeof(ProcessTargetFixture))]
    public async Task Large_output_under_the_cap_arrives_complete_before_the_runtime_exits(string runtime)
    {
        var target = await AvailableAsync(runtime);
        var run = await RunAsync(target, Program("""
            export default { test() { const line = 'x'.repeat(1000); for (let i = 0; i < 5000; i++) console.log(i, line); } };
            """));
        Assert.True(run.Status == RunStatus.Completed, $"status {run.Status}: {run.Detail}");
        Assert.Equal(5002, run.Trace.Count);
        Assert.StartsWith("log: 4999 \"x", run.Trace[4999]);
        Assert.Equal(["end", ExitLine.Ok], run.Trace.TakeLast(2));
    }

    [Theory]
    [MemberData(nameof(Runtimes), MemberType = typeof(ProcessTargetFixture))]
    public async Task Lines_written_through_waitUntil_after_end_are_kept_and_the_run_is_complete(string runtime)
    {
        var target = await AvailableAsync(runtime);
        const int longerThanTheSettleWait = 1000; // TF-9: far beyond the settle timer, which starts late under load
        Assert.True(longerThanTheSettleWait > ScenarioPlan.SettleBoundMs);
        var run = await RunAsync(target, Program("""
            export default {
              test(controller, env, ctx) {
                ctx.waitUntil(scheduler.wait(1000).then(() => console.log('waited')));
              },
            };
            """));
        AssertTrace(run, "end", "log: \"waited\"", ExitLine.Ok);
    }

    [Fact]
    public async Task Workerd_enables_nodejs_compat_for_dates_before_it_became_the_default()
    {
        var target = await AvailableAsync("workerd");
        var run = await RunAsync(target, Program("""
            import { AsyncLocalStorage } from 'node:async_hooks';
            export default { test() { console.log(typeof AsyncLocalStorage); } };
            """, date: "2025-01-01"));
        AssertTrace(run, "log: \"function\"", "end", ExitLine.Ok);
    }
}
