using Conformance.Harness.Execution;
using Conformance.Harness.Reports;
using Conformance.Harness.Targets;
using Harness.Tests.Execution;

namespace Harness.Tests.Reports;

/// <summary>
/// Issue 18, item 7: what one scenario contributes to the console and to every report is bounded and its control characters are
/// escaped; the whole trace stays in its received file.
/// </summary>
public sealed class BoundedOutputTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_failing_scenario_with_long_lines_and_escape_codes_prints_a_bounded_block()
    {
        var line = "\u001b[2J\u001b[31m" + new string('x', 1_000_000);
        var result = new ScenarioResult
        {
            Id = "area/f/s", Feature = "area/f.feature", Name = "s", Target = "node", Status = "FAIL", Verdict = "UnexpectedFailure",
            Detail = "the trace differs\n" + string.Join("\n", Enumerable.Repeat("+log: \"" + line + "\"", 200)),
            StderrTail = [line],
        };

        var block = ConsoleReport.Block(result);

        Assert.InRange(block.Length, 1, 30_000);
        Assert.DoesNotContain('\u001b', block);
        Assert.Contains("\\x1b[2J", block);
        Assert.Contains("more characters)", block);
    }

    [Fact]
    public async Task A_runaway_trace_is_cut_in_the_reports_and_kept_whole_in_its_received_file()
    {
        var features = Fixtures.CopyFeaturesTo(_temp);
        var trace = Enumerable.Range(0, 20_000).Select(i => $"log: \"{new string('y', 100)} {i}\u0007\"").ToArray();
        var target = new FakeTarget(_ => new TargetRun(RunStatus.Crash, trace, "runaway output", TimeSpan.FromMilliseconds(1)));
        await using var run = new ConformanceRun(new ConformanceSettings
        {
            RepositoryRoot = _temp.Path, TargetName = "fake", ReportDirectory = _temp.File("report"), FeaturesRoot = features,
            ExpectationsFile = _temp.File("expectations.txt"),
        }, _ => (target, null));
        var entry = run.Catalog.Find("basics/run/run-returns-the-callback-s-value")!;

        var outcome = await run.ExecuteAsync(entry);
        run.Record(entry, outcome);

        Assert.Equal(ScenarioStatus.Crash, outcome.Status);
        Assert.InRange(outcome.Detail.Length, 1, BoundedText.MaxDetailChars + 500);
        Assert.DoesNotContain('\u0007', outcome.Detail);
        var received = run.Snapshots.ReceivedPathFor(entry.VerifiedPath);
        Assert.Contains($"the whole trace is in {received}", outcome.Detail);
        Assert.Equal(trace.Length, File.ReadAllLines(received).Length);
        Assert.InRange(new FileInfo(run.Journal.Path).Length, 1, 200_000);
    }
}
