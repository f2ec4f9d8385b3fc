using System.Text;

namespace Conformance.Harness.Reports;

/// <summary>One target's results, as the console report reads them from its results.jsonl.</summary>
public sealed record TargetResults(string Target, IReadOnlyList<ScenarioResult> Results);

/// <summary>
/// What run-conformance.ps1 prints at the end of a run: one block per unexpected result (where the scenario is, what it
/// covers, the diff, the runtime's exit code and standard error), then one table across targets. Plain text: colour only
/// when asked for (a terminal), never a carriage return, so a CI log holds no control codes.
/// </summary>
public static class ConsoleReport
{
    /// <summary>Lines of one diff or detail shown in a block; the rest is in the received folder.</summary>
    public const int MaxDetailLines = 60;

    /// <summary>Lines of standard error shown in a block (the last ones).</summary>
    public const int MaxStderrLines = 10;

    private const string Red = "\u001b[31m", Reset = "\u001b[0m";

    /// <param name="maxBlocks">Blocks shown before the rest is only counted (a run problem makes every row unexpected).</param>
    /// <param name="repositoryRoot">When given, paths under it are shown relative to it.</param>
    public static string Render(IReadOnlyList<TargetResults> targets, int maxBlocks = 50, bool colour = false, string? repositoryRoot = null)
    {
        var text = new StringBuilder();
        var unexpected = targets.SelectMany(t => t.Results).Where(r => !r.Expected).ToList();
        foreach (var result in unexpected.Take(maxBlocks)) text.Append(Block(result, colour, repositoryRoot)).Append('\n');
        if (unexpected.Count > maxBlocks)
            text.Append($"... and {unexpected.Count - maxBlocks} more unexpected result(s), not shown: see each target's summary.md and results.jsonl\n\n");
        text.Append(Table(targets));
        return text.ToString();
    }

    /// <summary>The block of one unexpected result.</summary>
    public static string Block(ScenarioResult result, bool colour = false, string? repositoryRoot = null)
    {
        if (repositoryRoot is not null)
        {
            var prefix = Path.TrimEndingDirectorySeparator(repositoryRoot) + Path.DirectorySeparatorChar;
            result = result with { Detail = result.Detail.Replace(prefix, ""), VerdictMessage = result.VerdictMessage?.Replace(prefix, "") };
        }
        // Every line below is bounded and escaped (issue 18, item 7): what a program printed reaches the console only through them.
        var text = new StringBuilder();
        var header = $"UNEXPECTED {result.Status} on {result.Target}: {result.Id} ({Describe(result.Verdict)})";
        text.Append(colour ? Red + BoundedText.Line(header) + Reset : header).Append('\n');
        // ScenarioResult.Feature is relative to features/ (FeatureFile.RelativePath).
        text.Append($"  at           features/{result.Feature}{(result.Line > 0 ? $":{result.Line}" : "")}\n");
        var requirements = result.Requirements.Count == 0 ? "(none)" : string.Join(", ", result.Requirements);
        text.Append($"  requirements {requirements}  (profile {result.Profile ?? "none"})\n");

        var (detailHead, detailRest) = Split(result.Detail);
        if (result.VerdictMessage is { } message)
        {
            var (messageHead, messageRest) = Split(message);
            text.Append($"  {BoundedText.Line(messageHead)}\n");
            // A changed FAIL's message carries the diff from the pinned failing trace; a changed status's carries the detail again.
            if (messageRest.Count > 0 && string.Join("\n", messageRest) != result.Detail.TrimEnd('\n'))
                Section(text, "diff (pinned failing trace against this run):", messageRest);
        }
        if (detailHead.Length > 0) text.Append($"  {BoundedText.Line(detailHead)}\n");
        if (detailRest.Count > 0) Section(text, result.Status == "FAIL" ? "diff (verified against received):" : "detail:", detailRest);
        if (result.ExitCode is { } code) text.Append($"  exit code {code}\n");
        // A TIMEOUT's or CRASH's detail already ends with the runtime's standard error; a completed run's never does.
        if (result.Status == "FAIL" && result.StderrTail.Count > 0)
        {
            var tail = result.StderrTail.TakeLast(MaxStderrLines).ToArray();
            text.Append($"  stderr (last {tail.Length} lines):\n");
            foreach (var line in tail) text.Append("    ").Append(BoundedText.Line(line)).Append('\n');
        }
        else if (result.Status == "FAIL") text.Append("  stderr: nothing\n");
        return text.ToString();
    }

    /// <summary>Counts by status per target, the known failures and the unexpected results.</summary>
    public static string Table(IReadOnlyList<TargetResults> targets)
    {
        string[] statuses = ["PASS", "FAIL", "TIMEOUT", "CRASH", "ERROR", "SKIP", "NOT-APPLICABLE"];
        string[] headers = ["target", "results", .. statuses, "known", "unexpected"];
        var rows = targets.Select(t => (string[])
        [
            t.Target,
            t.Results.Count.ToString(),
            .. statuses.Select(s => t.Results.Count(r => r.Status == s).ToString()),
            t.Results.Count(r => r.Verdict == "KnownFailure").ToString(),
            t.Results.Count(r => !r.Expected).ToString(),
        ]).ToList();
        var widths = headers.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        var text = new StringBuilder();
        void Row(string[] cells) =>
            text.Append(string.Join("  ", cells.Select((c, i) => i == 0 ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))).TrimEnd()).Append('\n');
        Row(headers);
        foreach (var row in rows) Row(row);
        foreach (var empty in targets.Where(t => t.Results.Count == 0))
            text.Append($"{empty.Target}: no results were recorded (no scenario selected, or the test run did not start)\n");
        return text.ToString();
    }

    private static string Describe(string verdict) => verdict switch
    {
        "UnexpectedFailure" => "not in the known-failure list",
        "ChangedFailure" => "a known failure that changed",
        "UnexpectedPass" => "listed as a known failure, passes now",
        "Unavailable" => "the target is unavailable",
        _ => verdict,
    };

    private static (string Head, IReadOnlyList<string> Lines) Split(string text)
    {
        var lines = text.TrimEnd('\n').Split('\n');
        return (lines[0], lines[1..]);
    }

    private static void Section(StringBuilder text, string title, IReadOnlyList<string> lines)
    {
        text.Append("  ").Append(title).Append('\n');
        foreach (var line in lines.Take(MaxDetailLines)) text.Append("    ").Append(BoundedText.Line(line)).Append('\n');
        if (lines.Count > MaxDetailLines) text.Append($"    ... {lines.Count - MaxDetailLines} more line(s) not shown\n");
    }
}
