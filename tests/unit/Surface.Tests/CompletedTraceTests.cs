using Conformance.Harness.Targets;
using Conformance.Surface;

namespace Surface.Tests;

/// <summary>
/// TF-13: a dump program's run is complete only with the driver's `end` followed by `exit: ok`. The surface dump once required
/// `end` as the last line and so refused every run of a target that writes the exit line (all of them).
/// </summary>
public sealed class CompletedTraceTests
{
    private static TargetRun Run(params string[] trace) => new(RunStatus.Completed, trace, "", TimeSpan.Zero);

    [Fact]
    public void The_lines_before_end_and_the_exit_line_are_read() =>
        Assert.Equal("1", CompletedTrace.JsonLines("t", "p", Run("log: {\"a\":1}", "end", ExitLine.Ok)).Single()["a"]!.ToJsonString());

    [Fact]
    public void A_run_that_did_not_exit_cleanly_is_refused_with_its_last_lines()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CompletedTrace.JsonLines("t", "p", Run("log: {\"a\":1}", "end", ExitLine.Code(3))));
        Assert.Contains("t did not complete p", error.Message);
        Assert.Contains("exit: code 3", error.Message);
        Assert.Throws<InvalidOperationException>(() => CompletedTrace.JsonLines("t", "p", Run("log: {\"a\":1}")));
    }

    [Fact]
    public void A_line_that_is_not_a_json_object_is_named() =>
        Assert.Contains("the trace line \"log: 3\"",
            Assert.Throws<InvalidDataException>(() => CompletedTrace.JsonLines("t", "p", Run("log: 3", "end", ExitLine.Ok))).Message);
}
