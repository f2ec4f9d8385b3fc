using Conformance.Harness.Scenarios;
using Conformance.Harness.Targets;
using Conformance.Harness.Targets.Process;
using Conformance.Harness.Targets.Reference;
using Harness.Tests.Process;
using static Harness.Tests.Hostile.HostileSuite;

namespace Harness.Tests.Hostile;

/// <summary>
/// Hostile and broken scenarios in one run with a good one, end to end through the executor, the judge, the snapshot store and
/// the journal, on the reference and on process targets: each gets its precise status, the good scenario still passes, and
/// no verified snapshot is created, removed or rewritten.
/// </summary>
public sealed class HostileRunTests
{
    private const string TwentyMegabytes = "export default { test() { const line = 'x'.repeat(1000); for (let i = 0; i < 20000; i++) console.log(line); } };";

    /// <summary>The scenarios every target runs; the statuses differ by target only where the targets' limits differ.</summary>
    private static HostileSuite Build() => new HostileSuite()
        .WithGoodScenario()
        .Scenario("load", "a javascript syntax error", "console.log('never');\nexport default { test() {", Lf("load error: SyntaxError", ExitLine.LoadFailed))
        .Scenario("load", "a throw at load", "console.log('before');\nthrow new RangeError('at load');\nexport default {};", Lf("log: \"before\"", "load error: RangeError", ExitLine.LoadFailed))
        .Scenario("loops", "an infinite synchronous loop", "console.log('started');\nexport default { test() { for (;;) {} } };", Lf("end"))
        .Scenario("loops", "a promise that never settles", "export default { test() { return new Promise(() => {}); } };", Lf("end"))
        .Scenario("timers", "an interval never cleared while test waits forever",
            "export default { async test() { let n = 0; setInterval(() => { n++; }, 1); await new Promise(() => {}); } };", Lf("end"))
        .Scenario("timers", "a timeout that reschedules itself forever",
            "export default { async test() { const tick = () => setTimeout(tick, 0); tick(); await new Promise(() => {}); } };", Lf("end"))
        .Scenario("timers", "an interval never cleared after test returns",
            "export default { test() { setInterval(() => {}, 1); } };", Lf("end", ExitLine.Ok))
        .Scenario("limits", "unbounded memory growth",
            "export default { test() { const a = []; for (;;) a.push('x'.repeat(1000) + a.length); } };", Lf("end"))
        .Scenario("limits", "deep recursion",
            "function f(n) { return f(n + 1) + 1; }\nexport default { test() { f(0); } };", Lf("test threw: RangeError", "end", ExitLine.Ok))
        .Scenario("limits", "a strict tail call that recurses forever",
            "function f() { return f(); }\nexport default { test() { try { f(); } catch (e) { console.log('caught', e.constructor.name); } } };",
            Lf("log: \"caught\" \"RangeError\"", "end", ExitLine.Ok))
        .Scenario("output", "many megabytes of console output", TwentyMegabytes, Lf("end"))
        .Raw("steps", """
              @documented
              Scenario: an undefined step
                Given the worker program:
                  ```js
                  export default {};
                  ```
                When the moon is full
                Then the trace matches the verified snapshot

            """)
        .Raw("syntax", "  @documented\n  Scenario: fine\n    Given the worker program:\n  Examples without outline\n  This line is not Gherkin\n")
        .Scenario("snapshots", "a missing verified snapshot", "export default { test() { console.log('x'); } };")
        .Scenario("snapshots", "an empty verified snapshot", "export default { test() { console.log('x'); } };", [])
        .Scenario("snapshots", "a verified snapshot with windows line endings",
            "export default { test() { console.log('crlf'); } };", "log: \"crlf\"\r\nend\r\nexit: ok\r\n"u8.ToArray());

    /// <summary>What is the same on every target: the harness's own statuses and the snapshots.</summary>
    private static void AssertCommon(HostileSuite suite, IReadOnlyDictionary<string, Conformance.Harness.Reports.ScenarioResult> results)
    {
        Assert.Equal(17, results.Count);
        ResultAssert.Status(results, Good, "PASS");
        Assert.Equal(["log: 42", "end", ExitLine.Ok], results[Good].Trace);
        ResultAssert.Status(results, "hostile/load/a-javascript-syntax-error", "PASS");
        ResultAssert.Status(results, "hostile/load/a-throw-at-load", "PASS");
        ResultAssert.Status(results, "hostile/loops/a-promise-that-never-settles", "TIMEOUT");
        ResultAssert.Status(results, "hostile/timers/an-interval-never-cleared-while-test-waits-forever", "TIMEOUT");
        ResultAssert.Status(results, "hostile/timers/a-timeout-that-reschedules-itself-forever", "TIMEOUT");
        ResultAssert.Status(results, "hostile/timers/an-interval-never-cleared-after-test-returns", "PASS");
        Assert.Contains("runaway output", ResultAssert.Status(results, "hostile/output/many-megabytes-of-console-output", "CRASH").Detail);
        Assert.Contains("\"the moon is full\"", ResultAssert.Status(results, "hostile/steps/an-undefined-step", "ERROR").Detail);
        Assert.Contains("syntax.feature:", ResultAssert.Status(results, "hostile/syntax#parse-error", "ERROR").Detail);

        ResultAssert.Status(results, "hostile/snapshots/a-missing-verified-snapshot", "FAIL");
        Assert.Equal("log: \"x\"\nend\nexit: ok\n", File.ReadAllText(suite.ReceivedPathOf("snapshots", "a missing verified snapshot")));
        Assert.Empty(Directory.EnumerateFiles(suite.FeaturesRoot, "*.received.txt", SearchOption.AllDirectories));
        ResultAssert.Status(results, "hostile/snapshots/an-empty-verified-snapshot", "FAIL");
        ResultAssert.Status(results, "hostile/snapshots/a-verified-snapshot-with-windows-line-endings", "PASS");
        suite.AssertVerifiedFilesUntouched();
        Assert.All(results.Values, r => Assert.StartsWith("sha256:", r.TraceHash));
    }

    [Fact]
    public async Task On_the_reference_each_hostile_scenario_has_its_status_and_the_good_one_passes()
    {
        using var suite = Build();
        var limit = TimeSpan.FromSeconds(30);
        var results = await suite.RunAsync(new ReferenceTarget(DriverFiles.FromRepository()), limit);

        AssertCommon(suite, results);
        // The reference's sandbox limits end these before the time limit; it maps a limit to CRASH (ReferenceTarget).
        Assert.Contains("StatementsCountOverflow", ResultAssert.Status(results, "hostile/loops/an-infinite-synchronous-loop", "CRASH").Detail);
        Assert.Contains("MemoryLimitExceeded", ResultAssert.Status(results, "hostile/limits/unbounded-memory-growth", "CRASH").Detail);
        // As on workerd (see the process-target test): running out of stack is a RangeError, so test() throws one.
        ResultAssert.Status(results, "hostile/limits/deep-recursion", "PASS");
        Assert.Equal(["test threw: RangeError", "end", ExitLine.Ok], results["hostile/limits/deep-recursion"].Trace);
        // Divergence from workerd, which has no proper tail calls: Jint runs a strict tail call without stack, so no RangeError
        // comes and the loop ends at the reference's recursion cap, a host limit the program cannot catch.
        Assert.Contains("RecursionDepthOverflow", ResultAssert.Status(results, "hostile/limits/a-strict-tail-call-that-recurses-forever", "CRASH").Detail);
        // A never-settling test() is seen at once (the virtual loop ran dry); re-arming timers end at the event loop's
        // budget of macrotasks (WorkerHostOptions.MaxMacrotasks), well before the wall clock.
        Assert.InRange(results["hostile/loops/a-promise-that-never-settles"].ElapsedMs, 0, 5000);
        Assert.Contains("NeverSettled", results["hostile/loops/a-promise-that-never-settles"].Detail);
        foreach (var id in new[] { "hostile/timers/an-interval-never-cleared-while-test-waits-forever", "hostile/timers/a-timeout-that-reschedules-itself-forever" })
        {
            Assert.InRange(results[id].ElapsedMs, 0, limit.TotalMilliseconds / 2);
            Assert.Contains("macrotasks ran (WorkerHostOptions.MaxMacrotasks) without test() settling", results[id].Detail);
            Assert.Contains("a timer re-arms forever", results[id].Detail);
            Assert.DoesNotContain("wall-clock", results[id].Detail);
        }
    }

    [Theory]
    [InlineData("node")]
    [InlineData("workerd")]
    public async Task On_a_process_target_each_hostile_scenario_has_its_status_and_the_good_one_passes(string runtime)
    {
        var target = await ProcessTargetFixture.AvailableAsync(runtime);
        using var suite = Build();
        var limit = TimeSpan.FromSeconds(5);
        var results = await suite.RunAsync(target, limit);

        AssertCommon(suite, results);
        foreach (var id in new[] { "hostile/loops/an-infinite-synchronous-loop", "hostile/limits/unbounded-memory-growth",
                     "hostile/timers/an-interval-never-cleared-while-test-waits-forever", "hostile/timers/a-timeout-that-reschedules-itself-forever" })
        {
            Assert.Contains("no end within 5 s", ResultAssert.Status(results, id, "TIMEOUT").Detail);
            Assert.InRange(results[id].ElapsedMs, limit.TotalMilliseconds - 200, limit.TotalMilliseconds + 10_000);
        }
        Assert.Equal(["log: \"started\""], results["hostile/loops/an-infinite-synchronous-loop"].Trace);
        // The runtime's event loop runs dry at once; the harness reports the program as never settling, not as a crash.
        Assert.Contains("never settled", results["hostile/loops/a-promise-that-never-settles"].Detail);
        Assert.InRange(results["hostile/loops/a-promise-that-never-settles"].ElapsedMs, 0, 4000);
        ResultAssert.Status(results, "hostile/limits/deep-recursion", "PASS");
        ResultAssert.Status(results, "hostile/limits/a-strict-tail-call-that-recurses-forever", "PASS");
        Assert.Empty(ProcessTargetFixture.OrphanedRunProcesses());
    }

    [Fact]
    public async Task A_runtime_that_dies_by_a_signal_or_hangs_fails_only_its_own_scenario()
    {
        if (Executables.FindOnPath("node") is null) Assert.Skip("node is not on PATH");
        // A real runtime (node through the bridge) behind a shell that misbehaves for marked programs only.
        var target = ProcessTargets.TryCreate(
            "command:/bin/sh -c 'if grep -q HOSTILE-SIGNAL {dir}/program.mjs; then echo dying >&2; kill -9 $$; fi; " +
            "if grep -q HOSTILE-HANG {dir}/program.mjs; then sleep 300; fi; exec node {node-host}'",
            ProcessTargetFixture.Root)!;
        using var suite = new HostileSuite()
            .WithGoodScenario()
            .Scenario("runtime", "the runtime dies by a signal", "// HOSTILE-SIGNAL\nexport default {};", Lf("end"))
            .Scenario("runtime", "the runtime hangs", "// HOSTILE-HANG\nexport default {};", Lf("end"));

        var results = await suite.RunAsync(target, TimeSpan.FromSeconds(3));

        ResultAssert.Status(results, Good, "PASS");
        var killed = ResultAssert.Status(results, "hostile/runtime/the-runtime-dies-by-a-signal", "CRASH");
        Assert.Contains("SIGKILL", killed.Detail);
        Assert.Contains("dying", killed.Detail);
        Assert.Contains("no end within 3 s", ResultAssert.Status(results, "hostile/runtime/the-runtime-hangs", "TIMEOUT").Detail);
        suite.AssertVerifiedFilesUntouched();
        Assert.Empty(ProcessTargetFixture.OrphanedRunProcesses());
    }

    [Fact]
    public async Task A_missing_runtime_binary_skips_every_scenario_and_the_run_still_finishes()
    {
        var target = ProcessTargets.TryCreate("command:/nonexistent/runtime/bin/js {driver}", ProcessTargetFixture.Root)!;
        using var suite = new HostileSuite().WithGoodScenario()
            .Scenario("runtime", "another scenario", "export default {};", Lf("end"));

        var results = await suite.RunAsync(target, TimeSpan.FromSeconds(3));

        Assert.Equal(2, results.Count);
        Assert.All(results.Values, r => Assert.Equal("SKIP", r.Status));
        Assert.All(results.Values, r => Assert.Contains("/nonexistent/runtime/bin/js", r.Detail));
        Assert.Contains("IS UNAVAILABLE", File.ReadAllText(Path.Combine(suite.ReportDirectory, "summary.md")));
        suite.AssertVerifiedFilesUntouched();
    }
}
