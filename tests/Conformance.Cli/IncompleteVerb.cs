using Conformance.Harness.Reports;

namespace Conformance.Cli;

/// <summary>
/// `incomplete --reason R &lt;report dir&gt;`: marks a run that did not reach its end (cancelled, or its test host lost; issue 18,
/// items 1 and 5). summary.md is rewritten from the partial results with the reason at the top, the rows in flight when it
/// stopped (the likely culprit) and the rows that never ran (listed in full in not-run.txt: not run, never passed); the same
/// lines go to the console.
/// </summary>
internal static class IncompleteVerb
{
    public const string NotRunFile = "not-run.txt";
    private const int Shown = 20;

    public static int Run(string[] args, Func<string, int> fail)
    {
        if (args is not ["--reason", var reason, var dir]) return fail("usage: Conformance.Cli incomplete --reason <text> <report dir>");
        foreach (var line in Mark(dir, reason).Lines) Console.WriteLine(line);
        return 0;
    }

    /// <summary>Rewrites <paramref name="dir"/>'s summary.md as incomplete; the lines said at its top, and how many scenarios ran.</summary>
    public static (IReadOnlyList<string> Lines, int Ran) Mark(string dir, string reason)
    {
        var resultsFile = Path.Combine(dir, ResultsJournal.FileName);
        IReadOnlyList<ScenarioResult> results = [];
        try
        {
            if (File.Exists(resultsFile)) results = ScenarioResult.ReadAll(resultsFile);
        }
        catch (Exception error) when (error is IOException or System.Text.Json.JsonException or FormatException)
        {
            results = []; // a line cut off by the end of the process: counted as not run below
        }
        var selectionFile = Path.Combine(dir, ResultsJournal.SelectionFileName);
        var selection = File.Exists(selectionFile) ? File.ReadAllLines(selectionFile).Where(l => l.Length > 0).ToArray() : [];
        var done = results.GroupBy(r => r.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var notRun = new List<string>();
        foreach (var key in selection)
        {
            var id = key.Split('#')[0];
            if (done.TryGetValue(id, out var n) && n > 0) done[id] = n - 1;
            else notRun.Add(key);
        }
        var inFlight = InFlightRows.Read(dir);

        var target = results.Count > 0 ? results[0].Target : Path.GetFileName(Path.GetFullPath(dir));
        var notices = new List<string>
        {
            $"INCOMPLETE: {reason}: {results.Count} of {(selection.Length > 0 ? selection.Length.ToString() : "?")} selected scenario(s) ran on {target}; these reports are partial",
        };
        if (inFlight.Count > 0) notices.Add($"IN FLIGHT when it stopped (the likely culprit): {string.Join(", ", inFlight)}");
        if (notRun.Count > 0)
            notices.Add($"NOT RUN ({notRun.Count}, never counted as passed): {string.Join(", ", notRun.Take(Shown))}" +
                (notRun.Count > Shown ? $", and {notRun.Count - Shown} more (all in {Path.Combine(dir, NotRunFile)})" : ""));
        File.WriteAllText(Path.Combine(dir, NotRunFile), string.Concat(notRun.Select(k => k + "\n")));
        File.WriteAllText(Path.Combine(dir, RequirementSummary.FileName), RequirementSummary.Render(target, results, notices));
        return (notices, results.Count);
    }
}
