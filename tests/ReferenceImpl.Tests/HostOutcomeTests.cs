using Workers.AsyncContext.Jint;
using Xunit;

namespace ReferenceImpl.Tests;

/// <summary>Outcomes, sandbox limits and the conformance driver.</summary>
public class HostOutcomeTests
{
    [Fact]
    public void Infinite_loop_hits_the_statement_limit()
    {
        var run = HostKit.Worker("export default { test() { for (;;) {} } };", options: new WorkerHostOptions { MaxStatements = 100_000 });
        Assert.Equal(WorkerOutcome.LimitExceeded, run.Result.Outcome);
    }

    [Fact]
    public void Infinite_loop_times_out_on_the_wall_clock()
    {
        var run = HostKit.Worker("export default { async test() { await null; for (;;) {} } };",
            options: new WorkerHostOptions { MaxStatements = int.MaxValue, WallClockTimeout = TimeSpan.FromMilliseconds(500) });
        Assert.Equal(WorkerOutcome.Timeout, run.Result.Outcome);
    }

    [Fact]
    public void Endless_interval_times_out()
    {
        var run = HostKit.Worker("export default { test() { setInterval(() => {}, 1); return new Promise(() => {}); } };",
            options: new WorkerHostOptions { WallClockTimeout = TimeSpan.FromMilliseconds(500) });
        Assert.Equal(WorkerOutcome.Timeout, run.Result.Outcome);
    }

    [Fact]
    public void Deep_recursion_hits_the_recursion_limit()
    {
        var run = HostKit.Worker("function f(n) { return f(n + 1) + 1; } export default { test() { f(0); } };",
            options: new WorkerHostOptions { MaxRecursionDepth = 200 });
        Assert.Equal(WorkerOutcome.LimitExceeded, run.Result.Outcome);
    }

    [Fact]
    public void Memory_hog_hits_the_memory_limit()
    {
        var run = HostKit.Worker("export default { test() { const a = []; for (;;) a.push('x'.repeat(1000) + a.length); } };",
            options: new WorkerHostOptions { MemoryLimitBytes = 20L * 1024 * 1024 });
        Assert.Equal(WorkerOutcome.LimitExceeded, run.Result.Outcome);
    }

    [Fact]
    public void No_clr_access()
    {
        var run = HostKit.Worker("export default { test() { console.log(typeof System, typeof importNamespace, typeof require); } };");
        Assert.Equal(WorkerOutcome.Completed, run.Result.Outcome);
        Assert.Equal(["undefined undefined undefined"], run.Out);
    }

    [Fact]
    public void Pending_forever_is_NeverSettled()
    {
        var run = HostKit.Worker("export default { test() { return new Promise(() => {}); } };");
        Assert.Equal(WorkerOutcome.NeverSettled, run.Result.Outcome);
    }

    [Fact]
    public void Rejecting_test_is_TestFailed_with_error_type()
    {
        var run = HostKit.Worker("export default { async test() { await null; throw new RangeError('bad'); } };");
        Assert.Equal(new WorkerRunResult(WorkerOutcome.TestFailed, "RangeError", "bad"), run.Result);
    }

    [Theory]
    [InlineData("export default {", "SyntaxError")]
    [InlineData("throw new TypeError('top');", "TypeError")]
    [InlineData("import './missing.mjs';", "Error")]
    [InlineData("await new Promise((_, r) => setTimeout(() => r(new RangeError()), 1));", "RangeError")]
    public void Load_errors(string program, string type)
    {
        var run = HostKit.Worker(program);
        Assert.Equal(WorkerOutcome.LoadError, run.Result.Outcome);
        Assert.Equal(type, run.Result.ErrorType);
    }

    [Fact]
    public void Module_without_test_completes_after_top_level()
    {
        var run = HostKit.Worker("import { helper } from './lib/helper.mjs'; console.log(helper()); await scheduler.wait(5); console.log('tla done');",
            extraModules: new Dictionary<string, string> { ["lib/helper.mjs"] = "export const helper = () => 'helped';" });
        Assert.Equal(WorkerOutcome.Completed, run.Result.Outcome);
        Assert.Equal(["helped", "tla done"], run.Out);
    }

    [Fact]
    public void WaitUntil_keeps_the_run_alive()
    {
        var run = HostKit.Worker("export default { test(c, env, ctx) { ctx.waitUntil(scheduler.wait(50).then(() => console.log('late work'))); } };");
        Assert.Equal(WorkerOutcome.Completed, run.Result.Outcome);
        Assert.Equal(["late work"], run.Out);
    }

    [Fact]
    public void Concurrent_runs_are_independent()
    {
        var results = Enumerable.Range(0, 8).AsParallel().Select(i => HostKit.Test($"await als.run({i}, async () => {{ await scheduler.wait({i}); console.log(als.getStore()); }});")).ToArray();
        for (var i = 0; i < results.Length; i++) Assert.Equal([i.ToString()], results[i].Out);
    }

    /// <summary>The conformance driver (targets/driver) runs unchanged; expected lines are workerd's output.</summary>
    [Fact]
    public void Conformance_driver_runs_unchanged()
    {
        var driverDir = Path.Combine(RepoRoot(), "targets", "driver");
        var modules = new Dictionary<string, string>
        {
            ["trace.mjs"] = File.ReadAllText(Path.Combine(driverDir, "trace.mjs")),
            ["driver.mjs"] = File.ReadAllText(Path.Combine(driverDir, "driver.mjs")),
            ["plan.mjs"] = "export default { requests: [{path:'/a'},{path:'/b'}], concurrent: true, settleTurns: 3 };",
            ["program.mjs"] = HostKit.Prelude + """
                let idSeq = 0;
                addEventListener('unhandledrejection', (e) => console.log('unhandled', als.getStore(), e.reason));
                export default {
                  async fetch(req) {
                    return als.run(idSeq++, async () => {
                      const n = als.getStore();
                      await scheduler.wait(n === 0 ? 1000 : 10);
                      Promise.reject(new Error('x'));
                      console.log('fetch', n, { n, s: 'str' }, [1, 'a']);
                      return new Response(`${als.getStore()}`);
                    });
                  },
                };
                """,
        };
        var lines = new List<string>();
        var result = WorkerHost.Run(WorkerSource.FromModules(modules, "driver.mjs"), new WorkerHostOptions { Stdout = lines.Add });
        Assert.Equal(WorkerOutcome.Completed, result.Outcome);
        Assert.Equal([
            "@@trace log: fetch 1 {n: 1, s: \"str\"} [1, \"a\"]",
            "@@trace log: unhandled 1 [Error]",
            "@@trace log: fetch 0 {n: 0, s: \"str\"} [1, \"a\"]",
            "@@trace log: unhandled 0 [Error]",
            "@@trace response #0: 200 0",
            "@@trace response #1: 200 1",
            "@@trace end",
        ], lines);
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Conformance.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
