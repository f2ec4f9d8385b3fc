using Xunit;
using Conformance.Harness.Scenarios;
using Conformance.Harness.Targets;
using Conformance.Harness.Targets.Process;
using Conformance.Harness.Targets.Reference;
using static Harness.Tests.Process.ProcessTargetFixture;

namespace Harness.Tests.Process;

/// <summary>
/// A completed run carries the runtime's exit code and the tail of its standard error (for the console's FAIL block),
/// which the run's detail only holds for CRASH and TIMEOUT.
/// </summary>
public sealed class FailureContextCarryTests
{
    [Fact]
    public async Task A_completed_process_run_keeps_its_exit_code_and_standard_error()
    {
        var target = ProcessTargets.TryCreate(
            $"command:/bin/sh -c \"{ReadPrefix} echo \\\"$p log: 1\\\"; echo 'Uncaught TypeError: boom' >&2; echo \\\"$p end\\\"; exit 3\"", Root)!;
        var run = await RunAsync(target, Program("export default {};"));
        Assert.True(run.Status == RunStatus.Completed, $"status {run.Status}: {run.Detail}");
        Assert.Equal(3, run.ExitCode);
        Assert.Equal(["Uncaught TypeError: boom"], run.StderrTail);
    }

    [Fact]
    public async Task A_crash_keeps_them_too()
    {
        var target = ProcessTargets.TryCreate("command:/bin/sh -c \"echo 'dying' >&2; exit 7\"", Root)!;
        var run = await RunAsync(target, Program("export default {};"));
        Assert.True(run.Status == RunStatus.Crash, $"status {run.Status}: {run.Detail}");
        Assert.Equal(7, run.ExitCode);
        Assert.Equal(["dying"], run.StderrTail);
    }

    [Fact]
    public async Task The_reference_keeps_the_uncaught_error_it_printed_on_a_completed_run()
    {
        var reference = new ReferenceTarget(DriverFiles.FromRepository());
        var program = new ScenarioProgram("t/stderr",
            "export default { test() { console.log('a'); setTimeout(() => { throw new TypeError('late boom'); }, 0); } };",
            ScenarioPlan.TestHandlerOnly, ScenarioProgram.DefaultCompatibilityDate);
        var run = await reference.RunAsync(program, TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
        Assert.True(run.Status == RunStatus.Completed, $"status {run.Status}: {run.Detail}");
        Assert.Null(run.ExitCode);
        Assert.Contains(run.StderrTail, line => line.Contains("late boom", StringComparison.Ordinal));
    }
}
