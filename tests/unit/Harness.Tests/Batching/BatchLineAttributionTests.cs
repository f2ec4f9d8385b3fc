using Xunit;
using Conformance.Harness.Scenarios;
using Conformance.Harness.Targets;
using Conformance.Harness.Targets.Process;

namespace Harness.Tests.Batching;

/// <summary>TF-1b: every batched line goes to its own program; a program's result comes from the batch only when it finished.</summary>
public sealed class BatchLineAttributionTests
{
    [Theory]
    [InlineData("@@trace[0] log: 1", 0, "log: 1")]
    [InlineData("@@trace[12] end", 12, "end")]
    [InlineData("@@trace[3] log: \"@@trace[4] x\"", 3, "log: \"@@trace[4] x\"")]
    public void A_batched_line_names_its_program(string line, int key, string text)
    {
        Assert.True(TraceProtocol.TryParseBatched(line, out var k, out var t));
        Assert.Equal((key, text), (k, t));
        Assert.StartsWith(TraceProtocol.BatchPrefix(key), line);
    }

    [Theory]
    [InlineData("@@trace log: 1")]
    [InlineData("@@trace[] log: 1")]
    [InlineData("@@trace[-1] log: 1")]
    [InlineData("@@trace[1]log: 1")]
    [InlineData("@@trace[1a] log: 1")]
    [InlineData("x @@trace[1] log: 1")]
    public void Any_other_line_is_not_a_batched_line(string line) =>
        Assert.False(TraceProtocol.TryParseBatched(line, out _, out _));

    [Fact]
    public void The_batched_trace_module_differs_from_the_driver_only_in_the_prefix()
    {
        var source = DriverFiles.FromRepository().TraceSource;
        var batched = TraceProtocol.BatchedTraceModule(source, 7);
        Assert.Equal(source.Replace("'@@trace '", "'@@trace[7] '", StringComparison.Ordinal), batched);
        Assert.NotEqual(source, batched);
        Assert.Throws<InvalidOperationException>(() => TraceProtocol.BatchedTraceModule("const PREFIX = '>> ';", 1));
    }

    private static ProcessOutcome Outcome(string[] stdout, Dictionary<string, bool> reports, string? loadError = null) =>
        new(stdout, false, false, false, 1, [], loadError, null, TimeSpan.FromSeconds(1)) { TestReports = reports };

    [Fact]
    public void Interleaved_lines_go_to_their_programs_with_each_exit_line_from_its_own_report()
    {
        var attempt = BatchSettlement.Settle(3, Outcome(
            ["@@trace[0] log: \"a\"", "@@trace[1] log: \"b\"", "@@trace[0] end", "@@trace[2] log: \"c\"", "@@trace[1] end", "@@trace[2] end"],
            new() { ["p0"] = true, ["p1"] = false, ["p2"] = true }));
        Assert.Equal(["log: \"a\"", "end", ExitLine.Ok], attempt.Runs[0]!.Trace);
        Assert.Equal(["log: \"b\"", "end", ExitLine.TestFailed], attempt.Runs[1]!.Trace);
        Assert.Equal(["log: \"c\"", "end", ExitLine.Ok], attempt.Runs[2]!.Trace);
        Assert.All(attempt.Runs, r => Assert.Equal(RunStatus.Completed, r!.Status));
    }

    [Fact]
    public void A_program_without_end_without_its_report_or_with_lines_after_end_is_left_to_run_alone()
    {
        var attempt = BatchSettlement.Settle(4, Outcome(
            ["@@trace[0] end", "@@trace[1] log: 1", "@@trace[2] end", "@@trace[3] end", "@@trace[3] log: \"late\""],
            new() { ["p0"] = true, ["p1"] = false, ["p3"] = true }));
        Assert.NotNull(attempt.Runs[0]);
        Assert.Null(attempt.Runs[1]); // no end: a hang or a crash
        Assert.Null(attempt.Runs[2]); // no report: the process ended before workerd reported it
        Assert.Null(attempt.Runs[3]); // a line after end: a single run might have seen it or not
    }

    [Fact]
    public void A_key_outside_the_batch_leaves_every_program_to_run_alone()
    {
        var attempt = BatchSettlement.Settle(2, Outcome(["@@trace[0] end", "@@trace[1] end", "@@trace[2] end"], new() { ["p0"] = true, ["p1"] = true }));
        Assert.All(attempt.Runs, Assert.Null);
    }

    [Fact]
    public void A_load_error_names_its_program()
    {
        Assert.Equal("p12", WorkerdBatchConfig.LoadErrorService().Match("service p12: Uncaught SyntaxError: Unexpected token").Groups[1].Value);
        Assert.DoesNotMatch(WorkerdBatchConfig.LoadErrorService(), "service p1: Uncaught (in promise) Error: x");
        var attempt = BatchSettlement.Settle(3, Outcome([], [], loadError: "p1"));
        Assert.Equal(1, attempt.LoadErrorKey);
        Assert.All(attempt.Runs, Assert.Null);
    }

    [Fact]
    public void A_timed_out_batch_names_the_program_that_started_and_did_not_end()
    {
        var timedOut = new ProcessOutcome(["@@trace[0] end", "@@trace[1] log: 1"], false, TimedOut: true, false, null, [], null, null, TimeSpan.FromSeconds(1))
        {
            TestReports = new Dictionary<string, bool> { ["p0"] = true },
        };
        var attempt = BatchSettlement.Settle(3, timedOut);
        Assert.Equal(1, attempt.HungKey);
        Assert.NotNull(attempt.Runs[0]);
        Assert.Null(BatchSettlement.Settle(3, timedOut with { TimedOut = false }).HungKey);
    }
}
