using System.Text;

namespace Conformance.Harness.Reports;

/// <summary>
/// Follows one target's results.jsonl as the run appends to it and says how far it got: rows done out of the selection
/// (<see cref="ResultsJournal.SelectedFileName"/>), unexpected results so far. Only complete lines count; a file that
/// shrinks (a new run started it afresh) is read again from its start.
/// </summary>
public sealed class ProgressMeter(string target, string reportDirectory)
{
    private readonly string _results = Path.Combine(reportDirectory, ResultsJournal.FileName);
    private readonly string _selected = Path.Combine(reportDirectory, ResultsJournal.SelectedFileName);
    private long _offset;

    public string Target { get; } = target;
    public int Done { get; private set; }
    public int Unexpected { get; private set; }
    /// <summary>Lines that were not a result (reported, never silently counted as a pass).</summary>
    public int Unreadable { get; private set; }
    public int? Selected { get; private set; }

    /// <summary>Reads what was appended since the last poll.</summary>
    public void Poll()
    {
        if (Selected is null && File.Exists(_selected) && int.TryParse(TryRead(_selected)?.Trim(), out var selected)) Selected = selected;
        if (!File.Exists(_results)) return;
        string text;
        try
        {
            using var stream = new FileStream(_results, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (stream.Length < _offset) Reset();
            stream.Seek(_offset, SeekOrigin.Begin);
            var bytes = new byte[stream.Length - _offset];
            stream.ReadExactly(bytes);
            // Up to the last newline only: a line being written (maybe mid-character) is read at the next poll.
            var end = Array.LastIndexOf(bytes, (byte)'\n');
            if (end < 0) return;
            text = Encoding.UTF8.GetString(bytes, 0, end);
            _offset += end + 1;
        }
        catch (IOException)
        {
            return; // being rewritten: the next poll reads it
        }
        foreach (var line in text.Split('\n').Where(l => l.Trim().Length > 0))
        {
            Done++;
            try
            {
                if (!ScenarioResult.FromJsonLine(line).Expected) Unexpected++;
            }
            catch (Exception error) when (error is System.Text.Json.JsonException or FormatException)
            {
                Unreadable++;
            }
        }
    }

    /// <summary>`[target] done/selected done, N unexpected, 12.3 s`, plus `finished` once the run ended.</summary>
    public string Line(TimeSpan elapsed, bool finished) =>
        $"[{Target}] {(Selected is { } selected ? $"{Done}/{selected}" : $"{Done} (selection not known yet)")} done, {Unexpected} unexpected{(Unreadable > 0 ? $", {Unreadable} unreadable line(s)" : "")}, " +
        $"{elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} s{(finished ? ", finished" : "")}";

    private void Reset()
    {
        _offset = 0;
        Done = Unexpected = Unreadable = 0;
        Selected = null;
    }

    private static string? TryRead(string path)
    {
        try { return File.ReadAllText(path); }
        catch (IOException) { return null; }
    }
}
