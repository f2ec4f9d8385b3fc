using Conformance.Harness.Reports;

namespace Harness.Tests.Reports;

/// <summary>ProgressMeter follows a results.jsonl being appended to, as run-conformance.ps1's progress lines do.</summary>
public sealed class ProgressMeterTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string Line(string id, bool expected) => new ScenarioResult
    {
        Id = id, Feature = "f.feature", Name = id, Target = "node", Status = expected ? "PASS" : "FAIL", Expected = expected, Verdict = "x",
        Detail = "é ü", // multi-byte characters, so a line cut mid-character would not parse
    }.ToJsonLine();

    [Fact]
    public void Only_complete_lines_count_and_the_selection_is_read_once_written()
    {
        var results = _temp.File(ResultsJournal.FileName);
        var meter = new ProgressMeter("node", _temp.Path);
        meter.Poll();
        Assert.Equal("[node] 0 (selection not known yet) done, 0 unexpected, 1.0 s", meter.Line(TimeSpan.FromSeconds(1), finished: false));

        File.WriteAllText(_temp.File(ResultsJournal.SelectedFileName), "3\n");
        var second = System.Text.Encoding.UTF8.GetBytes(Line("b", expected: false) + "\n");
        File.WriteAllText(results, Line("a", expected: true) + "\n");
        using (var append = new FileStream(results, FileMode.Append)) append.Write(second, 0, second.Length - 4);
        meter.Poll();
        Assert.Equal("[node] 1/3 done, 0 unexpected, 2.5 s", meter.Line(TimeSpan.FromSeconds(2.5), finished: false));

        using (var append = new FileStream(results, FileMode.Append)) append.Write(second, second.Length - 4, 4);
        File.AppendAllText(results, "not json\n");
        meter.Poll();
        Assert.Equal("[node] 3/3 done, 1 unexpected, 1 unreadable line(s), 61.0 s, finished", meter.Line(TimeSpan.FromSeconds(61), finished: true));
    }

    [Fact]
    public void A_journal_started_afresh_is_counted_again_from_its_start()
    {
        var results = _temp.File(ResultsJournal.FileName);
        File.WriteAllText(results, Line("a", true) + "\n" + Line("b", true) + "\n");
        var meter = new ProgressMeter("node", _temp.Path);
        meter.Poll();
        Assert.Equal(2, meter.Done);
        File.WriteAllText(results, Line("c", false) + "\n");
        meter.Poll();
        Assert.Equal((1, 1), (meter.Done, meter.Unexpected));
    }
}
