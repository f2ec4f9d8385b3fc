using Conformance.Harness.Targets;
using Conformance.Harness.Targets.Process;

namespace Harness.Tests.Targets;

/// <summary>TF-13: how a process's end becomes the exit line.</summary>
public sealed class ExitLineTests
{
    [Theory]
    [InlineData(0, false, true, "exit: ok")]
    [InlineData(1, false, false, "exit: test failed")]
    [InlineData(1, false, true, "exit: ok")] // one process, many programs: another program's failure sets the code
    [InlineData(0, false, false, "exit: test failed")]
    [InlineData(1, true, null, "exit: load failed")]
    [InlineData(0, true, null, "exit: load failed")]
    [InlineData(3, false, true, "exit: code 3")]
    [InlineData(70, true, null, "exit: code 70")]
    [InlineData(0, false, null, "exit: code 0")]
    [InlineData(1, false, null, "exit: code 1")]
    public void A_report_and_an_exit_code_give_one_line(int code, bool loadError, bool? passed, string expected) =>
        Assert.Equal(expected, ExitLine.ForProcess(code, loadError, passed));

    [Fact]
    public void A_signal_wins_over_a_report() =>
        Assert.Equal(OperatingSystem.IsWindows() ? "exit: code 139" : "exit: signal SIGSEGV", ExitLine.ForProcess(128 + 11, false, true));

    [Fact]
    public void A_process_the_harness_stopped_after_end_says_so() =>
        Assert.Equal("exit: stopped after end", ExitLine.ForProcess(null, false, true));

    [Theory]
    [InlineData("workerd/server/server/run.rs:649: debug: [ PASS ] main (1.21196ms)", "main", true)]
    [InlineData("workerd/server/server/run.rs:649: debug: [ FAIL ] other (23.1ms)", "other", false)]
    [InlineData("[ FAIL ] main", "main", false)]
    public void The_report_line_of_workerd_test_and_the_bridge_is_read_per_program(string line, string service, bool passed)
    {
        var match = ProcessRunner.TestReportLine().Match(line);
        Assert.True(match.Success);
        Assert.Equal(service, match.Groups[2].Value);
        Assert.Equal(passed, match.Groups[1].Value == "PASS");
    }

    [Fact]
    public void A_test_line_is_not_a_report() =>
        Assert.DoesNotMatch(ProcessRunner.TestReportLine(), "workerd/server/server/run.rs:642: debug: [ TEST ] main");
}
