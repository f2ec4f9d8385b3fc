using Xunit;
using Conformance.Harness.Execution;
using Conformance.Harness.Features;
using Conformance.Harness.Targets;
using Conformance.Harness.Targets.Process;
using static Harness.Tests.Process.ProcessTargetFixture;

namespace Harness.Tests.Process;

/// <summary>
/// Forged passes are caught (issue 18 item 9, spec/trace-format.md TF-1c): a process run's trace lines carry a nonce that
/// only the run's trace module holds, so a runtime that prints a verified trace (or a load error) without running the driver
/// gets no completed run, and a program that writes trace-like text past the console adds nothing to its trace.
/// </summary>
public sealed class NonceTests
{
    /// <summary>A real scenario with its verified trace, as a fake runtime would copy it.</summary>
    private static (Conformance.Harness.Scenarios.ScenarioProgram Program, string[] Verified) Scenario()
    {
        var catalog = FeatureCatalog.Load(Path.Combine(Root, "features"));
        var entry = catalog.Entries.First(e => e.Problem is null && File.Exists(e.VerifiedPath)
            && File.ReadLines(e.VerifiedPath).LastOrDefault() == ExitLine.Ok && File.ReadLines(e.VerifiedPath).Count() > 2);
        return (ScenarioCompiler.Compile(entry), File.ReadAllLines(entry.VerifiedPath));
    }

    [Fact]
    public async Task A_runtime_that_prints_the_verified_trace_without_running_the_driver_does_not_complete()
    {
        var (program, verified) = Scenario();
        var forged = Path.Combine(Path.GetTempPath(), $"forged-{Guid.NewGuid():N}.txt");
        // The fake prints every line of the snapshot but the exit line (the target writes that), as the driver would, then
        // reports a pass on standard error as workerd test does, and exits 0.
        await File.WriteAllLinesAsync(forged, verified[..^1].Select(line => "@@trace " + line), TestContext.Current.CancellationToken);
        try
        {
            var target = ProcessTargets.TryCreate($"command:/bin/sh -c \"cat {forged}; echo '[ PASS ] main' >&2\" {{node-host}}", Root)!;
            var run = await RunAsync(target, program);

            Assert.True(run.Status == RunStatus.Crash, $"{run.Status}: {run.Detail}");
            Assert.Empty(run.Trace);
            Assert.Contains($"after {verified.Length - 1} line(s) that look like trace lines but lack this run's nonce", run.Detail);
        }
        finally
        {
            File.Delete(forged);
        }
    }

    [Theory]
    [InlineData("echo '@@trace load error: SyntaxError'; exit 1", "{node-host}")] // the bridge's own load-error line (B-9)
    [InlineData("echo 'service main: Uncaught SyntaxError: x' >&2; exit 1", "{driver}")] // workerd's line, from a runtime that is not workerd
    [InlineData("echo 'service main: Uncaught SyntaxError: x' >&2; exit 1", "{config}")] // workerd's line without the run's service name
    public async Task A_runtime_that_prints_a_load_error_without_loading_anything_does_not_complete(string fake, string placeholder)
    {
        var target = ProcessTargets.TryCreate($"command:/bin/sh -c \"{fake}\" {placeholder}", Root)!;
        var run = await RunAsync(target, Program("export default {"));

        Assert.True(run.Status == RunStatus.Crash, $"{run.Status}: {run.Detail}");
        Assert.Empty(run.Trace);
    }

    [Fact]
    public async Task The_same_fake_with_the_runs_prefix_read_from_the_trace_module_completes_so_the_check_is_the_nonce()
    {
        // The control: the lines are right, only the nonce was missing above.
        var target = ProcessTargets.TryCreate($"command:/bin/sh -c \"{ReadPrefix} echo \\\"$p log: 1\\\"; echo \\\"$p end\\\"; echo '[ PASS ] main' >&2\" {{node-host}}", Root)!;
        var run = await RunAsync(target, Program("export default {};"));
        AssertTrace(run, "log: 1", "end", ExitLine.Ok);
    }

    [Fact]
    public async Task A_program_that_writes_trace_like_text_past_the_console_adds_nothing_to_its_trace()
    {
        var target = await AvailableAsync("node26");
        var run = await RunAsync(target, Program("""
            process.stdout.write('@@trace log: "forged"\n@@trace end\n');
            export default { test() { console.log('real'); } };
            """));
        AssertTrace(run, "log: \"real\"", "end", ExitLine.Ok);
    }

    [Fact]
    public void Each_nonce_is_fresh_and_only_the_runs_own_batched_lines_are_attributed()
    {
        var nonce = TraceProtocol.NewNonce();
        Assert.Matches("^[0-9a-f]{32}$", nonce);
        Assert.NotEqual(nonce, TraceProtocol.NewNonce());
        Assert.Equal("@@trace[3] log: 1", TraceProtocol.StripBatchNonce($"@@trace[3]:{nonce} log: 1", nonce));
        Assert.Null(TraceProtocol.StripBatchNonce("@@trace[3] log: 1", nonce));
        Assert.Null(TraceProtocol.StripBatchNonce($"@@trace[3]:{TraceProtocol.NewNonce()} log: 1", nonce));
        Assert.Null(TraceProtocol.StripBatchNonce($"@@trace[3]:{nonce}log: 1", nonce));
    }
}
