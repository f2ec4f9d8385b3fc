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

    private const string ReArms = ": a timer re-arms forever";

    [Fact]
    public void An_endless_interval_ends_at_the_macrotask_budget_long_before_the_wall_clock()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var run = HostKit.Worker("export default { async test() { setInterval(() => {}, 1); await new Promise(() => {}); } };",
            options: new WorkerHostOptions { WallClockTimeout = TimeSpan.FromSeconds(60) });
        Assert.Equal(new WorkerRunResult(WorkerOutcome.Timeout, null,
            "100000 macrotasks ran (WorkerHostOptions.MaxMacrotasks) without test() settling, in 100 s of virtual time" + ReArms), run.Result);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(20));
    }

    [Fact]
    public void A_timeout_that_reschedules_itself_at_zero_delay_ends_at_the_macrotask_budget()
    {
        var run = HostKit.Worker("export default { async test() { const tick = () => setTimeout(tick, 0); tick(); await new Promise(() => {}); } };",
            options: new WorkerHostOptions { WallClockTimeout = TimeSpan.FromSeconds(60), MaxMacrotasks = 1000 });
        Assert.Equal(new WorkerRunResult(WorkerOutcome.Timeout, null,
            "1000 macrotasks ran (WorkerHostOptions.MaxMacrotasks) without test() settling, in 0 ms of virtual time" + ReArms), run.Result);
    }

    [Fact]
    public void A_slow_endless_interval_ends_when_the_virtual_clock_passes_its_budget()
    {
        var run = HostKit.Worker("export default { async test() { setInterval(() => {}, 3_600_000); await new Promise(() => {}); } };");
        Assert.Equal(new WorkerRunResult(WorkerOutcome.Timeout, null,
            "the virtual clock passed 24 h (WorkerHostOptions.MaxVirtualTime) without test() settling, after 24 macrotasks" + ReArms), run.Result);
    }

    [Theory]
    [InlineData(1000, WorkerOutcome.Completed)]
    [InlineData(1001, WorkerOutcome.Timeout)]
    public void The_virtual_time_budget_is_inclusive(int waitMs, WorkerOutcome outcome)
    {
        var run = HostKit.Worker($"export default {{ async test() {{ await scheduler.wait({waitMs}); console.log('woke'); }} }};",
            options: new WorkerHostOptions { MaxVirtualTime = TimeSpan.FromSeconds(1) });
        Assert.Equal(outcome, run.Result.Outcome);
        if (outcome == WorkerOutcome.Timeout)
        {
            Assert.Equal("the virtual clock passed 1 s (WorkerHostOptions.MaxVirtualTime) without test() settling, after 0 macrotasks" + ReArms, run.Result.Message);
            Assert.Empty(run.Out);
        }
        else Assert.Equal(["woke"], run.Out);
    }

    [Theory]
    [InlineData(3, WorkerOutcome.Completed)]
    [InlineData(2, WorkerOutcome.Timeout)]
    public void The_macrotask_budget_is_inclusive_and_counts_per_wait(int budget, WorkerOutcome outcome)
    {
        // Three timers at load, three in test(): each wait has its own budget of macrotasks.
        var run = HostKit.Worker("""
            for (let i = 0; i < 3; i++) await scheduler.wait(1);
            export default { async test() { for (let i = 0; i < 3; i++) await scheduler.wait(1); console.log('done'); } };
            """, options: new WorkerHostOptions { MaxMacrotasks = budget });
        Assert.Equal(outcome, run.Result.Outcome);
        if (outcome == WorkerOutcome.Timeout)
            Assert.Equal("2 macrotasks ran (WorkerHostOptions.MaxMacrotasks) without the module's top-level await settling, in 2 ms of virtual time" + ReArms, run.Result.Message);
        else Assert.Equal(["done"], run.Out);
    }

    [Fact]
    public void An_endless_interval_during_a_top_level_await_that_never_settles_ends_at_the_budget()
    {
        var run = HostKit.Worker("setInterval(() => {}, 10); await new Promise(() => {}); export default {};",
            options: new WorkerHostOptions { MaxMacrotasks = 50 });
        Assert.Equal(new WorkerRunResult(WorkerOutcome.Timeout, null,
            "50 macrotasks ran (WorkerHostOptions.MaxMacrotasks) without the module's top-level await settling, in 500 ms of virtual time" + ReArms), run.Result);
    }

    [Fact]
    public void An_endless_interval_while_waitUntil_work_never_settles_ends_at_the_budget()
    {
        var run = HostKit.Worker("export default { test(c, env, ctx) { setInterval(() => {}, 1); ctx.waitUntil(new Promise(() => {})); } };",
            options: new WorkerHostOptions { MaxMacrotasks = 50 });
        Assert.Equal(new WorkerRunResult(WorkerOutcome.Timeout, null,
            "50 macrotasks ran (WorkerHostOptions.MaxMacrotasks) without ctx.waitUntil() work settling, in 50 ms of virtual time" + ReArms), run.Result);
    }

    [Fact]
    public void An_interval_left_running_after_test_settles_does_not_hold_the_run()
    {
        var run = HostKit.Worker("export default { test() { setInterval(() => {}, 1); } };", options: new WorkerHostOptions { MaxMacrotasks = 0 });
        Assert.Equal(new WorkerRunResult(WorkerOutcome.Completed, null, null), run.Result);
    }

    [Fact]
    public void Many_timers_that_end_stay_within_the_budget()
    {
        // Ten thousand timers and their awaits: well past the busiest conformance scenario, well within the budget.
        var run = HostKit.Test("""
            await Promise.all(Array.from({ length: 10000 }, (_, i) => scheduler.wait(i % 100)));
            await new Promise((resolve) => { let n = 0; const id = setInterval(() => { if (++n === 10000) { clearInterval(id); resolve(); } }, 1); });
            console.log('done');
            """);
        Assert.Equal(WorkerOutcome.Completed, run.Result.Outcome);
        Assert.Equal(["done"], run.Out);
    }

    private const string Overflow = "Maximum call stack size exceeded";

    [Fact]
    public void Deep_recursion_is_a_RangeError_the_program_catches_and_goes_on()
    {
        var run = HostKit.Worker("""
            let depth = 0;
            function f(n) { depth++; return f(n + 1) + 1; }
            export default { test() {
              try { f(0); } catch (e) { console.log('caught', e.constructor.name, e.message, depth > 5000); }
              depth = 0;
              try { f(0); } catch (e) { console.log('again', e.constructor.name); }
              console.log('goes on');
            } };
            """);
        Assert.Equal(new WorkerRunResult(WorkerOutcome.Completed, null, null), run.Result);
        Assert.Equal([$"caught RangeError {Overflow} true", "again RangeError", "goes on"], run.Out);
    }

    [Fact]
    public void Uncaught_deep_recursion_fails_the_test_with_a_RangeError()
    {
        var run = HostKit.Worker("function f(n) { return f(n + 1) + 1; } export default { test() { f(0); } };");
        Assert.Equal(new WorkerRunResult(WorkerOutcome.TestFailed, "RangeError", Overflow), run.Result);
    }

    [Fact]
    public void Uncaught_deep_recursion_in_a_timer_is_reported_and_the_run_goes_on()
    {
        var run = HostKit.Test("setTimeout(function f() { return 1 + f(); }, 1); await scheduler.wait(2); console.log('after');");
        Assert.Equal(WorkerOutcome.TestFailed, run.Result.Outcome); // as workerd test: an uncaught error in a timer fails the test (TF-13)
        Assert.Equal(["after"], run.Out);
        Assert.Contains(run.Err, line => line.StartsWith("Uncaught RangeError: " + Overflow, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("const o = { get x() { return this.x; } }; o.x;")]
    [InlineData("function C() { new C(); } new C();")]
    [InlineData("const o = { valueOf() { return +o; } }; +o;")]
    [InlineData("const p = new Proxy({}, { get(t, k) { return p[k]; } }); p.x;")]
    [InlineData("function f() { return 1 + als.run(1, f); } f();")]
    [InlineData("function f() { return [2, 1].sort(() => f()); } f();")]
    public void Recursion_by_any_route_is_a_catchable_RangeError(string recursion)
    {
        var run = HostKit.Test($"try {{ {recursion} }} catch (e) {{ console.log('caught', e.constructor.name, e.message); }}");
        Assert.Equal(WorkerOutcome.Completed, run.Result.Outcome);
        Assert.Equal([$"caught RangeError {Overflow}"], run.Out);
    }

    [Fact]
    public void The_recursion_depth_does_not_depend_on_the_calling_thread()
    {
        const string program = "let d = 0; function f() { d++; return 1 + f(); } export default { test() { try { f(); } catch { console.log(d); } } };";
        HostKit.Run? run = null;
        var smallStack = new Thread(() => run = HostKit.Worker(program), 256 * 1024);
        smallStack.Start();
        smallStack.Join();
        Assert.Equal(WorkerOutcome.Completed, run!.Result.Outcome);
        Assert.InRange(int.Parse(run.Out.Single()), 5000, 100_000); // on the 256 KB stack itself Jint gets under 100 deep
    }

    [Fact]
    public void The_stack_size_sets_how_deep_JavaScript_recurses()
    {
        int Depth(int stackBytes) => int.Parse(HostKit.Worker(
            "let d = 0; function f() { d++; return 1 + f(); } export default { test() { try { f(); } catch { console.log(d); } } };",
            options: new WorkerHostOptions { StackSizeBytes = stackBytes }).Out.Single());
        var small = Depth(2 * 1024 * 1024);
        var large = Depth(32 * 1024 * 1024);
        Assert.InRange(small, 100, large / 4);
    }

    [Fact]
    public void An_endless_chain_of_strict_tail_calls_ends_at_the_recursion_cap()
    {
        // Jint runs proper tail calls (module code is strict) without stack, so no RangeError comes; V8 has none and throws
        // one. The cap ends the loop as a host limit rather than after fifty million statements.
        var run = HostKit.Worker("function f() { return f(); } try { f(); } catch (e) { console.log('caught', e.constructor.name); } export default {};",
            options: new WorkerHostOptions { MaxRecursionDepth = 10_000 });
        Assert.Equal(new WorkerRunResult(WorkerOutcome.LimitExceeded, "RecursionDepthOverflowException",
            "a function was active 10000 times at once (WorkerHostOptions.MaxRecursionDepth), counting strict tail calls, " +
            "which run without stack on Jint; workerd would throw a catchable RangeError"), run.Result);
        Assert.Empty(run.Out);
    }

    [Fact]
    public void A_recursion_cap_below_the_stack_depth_is_an_uncatchable_host_limit()
    {
        var run = HostKit.Worker("function f(n) { return f(n + 1) + 1; } export default { test() { try { f(0); } catch { console.log('caught'); } } };",
            options: new WorkerHostOptions { MaxRecursionDepth = 200 });
        Assert.Equal(WorkerOutcome.LimitExceeded, run.Result.Outcome);
        Assert.Equal("RecursionDepthOverflowException", run.Result.ErrorType);
        Assert.Empty(run.Out);
    }

    [Fact]
    public void Source_nested_too_deep_for_the_parser_ends_the_run_instead_of_the_process()
    {
        // The parser recurses on .NET's stack with no script function to raise a RangeError from: the safety net.
        var run = HostKit.Test("try { eval('('.repeat(200000) + '1' + ')'.repeat(200000)); } catch (e) { console.log('caught', e.constructor.name); }");
        Assert.Equal(WorkerOutcome.LimitExceeded, run.Result.Outcome);
        Assert.Equal("InsufficientExecutionStackException", run.Result.ErrorType);
        Assert.StartsWith("the .NET stack ran out outside any script function", run.Result.Message);
    }

    [Fact]
    public void The_worker_thread_keeps_the_callers_culture_and_hands_back_host_exceptions()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        string? seen = null;
        try
        {
            WorkerHost.Run(WorkerSource.FromModules(new Dictionary<string, string> { ["main.mjs"] = "console.log('x');" }, "main.mjs"),
                new WorkerHostOptions { Stdout = _ => seen = $"{System.Globalization.CultureInfo.CurrentCulture.Name} {Environment.CurrentManagedThreadId}" },
                TestContext.Current.CancellationToken);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
        Assert.Equal("de-DE", seen!.Split(' ')[0]);
        Assert.NotEqual(Environment.CurrentManagedThreadId.ToString(), seen.Split(' ')[1]); // a thread of its own
        var error = Assert.Throws<InvalidOperationException>(() => WorkerHost.Run(
            WorkerSource.FromModules(new Dictionary<string, string> { ["main.mjs"] = "console.log('x');" }, "main.mjs"),
            new WorkerHostOptions { Stdout = _ => throw new InvalidOperationException("sink broke") }, TestContext.Current.CancellationToken));
        Assert.Equal("sink broke", error.Message);
        Assert.Contains(nameof(The_worker_thread_keeps_the_callers_culture_and_hands_back_host_exceptions), error.StackTrace);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void The_stack_size_must_be_positive(int bytes)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkerHost.Run(
            WorkerSource.FromModules(new Dictionary<string, string> { ["main.mjs"] = "" }, "main.mjs"), new WorkerHostOptions { StackSizeBytes = bytes },
            TestContext.Current.CancellationToken));
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
        var result = WorkerHost.Run(WorkerSource.FromModules(modules, "driver.mjs"), new WorkerHostOptions { Stdout = lines.Add }, TestContext.Current.CancellationToken);
        Assert.Equal(WorkerOutcome.Completed, result.Outcome);
        Assert.Equal([
            "@@console-ready", // trace.mjs's own line, not a trace line (TF-3a)
            "@@trace log: \"fetch\" 1 {n: 1, s: \"str\"} [1, \"a\"]",
            "@@trace log: \"unhandled\" 1 [Error]",
            "@@trace log: \"fetch\" 0 {n: 0, s: \"str\"} [1, \"a\"]",
            "@@trace log: \"unhandled\" 0 [Error]",
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
