using Conformance.Harness.Reports;

namespace Conformance.Cli.Run;

// The targets checked before anything runs, each finished target run counted, and the end of the run: the unexpected results,
// the requirement table, the site, the compatibility data, why each skip was skipped, the wall time and the exit code.
internal sealed partial class SuiteRun
{
    private static void Loud(string text)
    {
        Console.WriteLine();
        Console.WriteLine(TargetRun.Paint(new string('!', 78), "31"));
        Console.WriteLine(TargetRun.Paint($"!! {text}", "31"));
        Console.WriteLine(TargetRun.Paint(new string('!', 78), "31"));
    }

    private static void Say(string text, string colour) => Console.WriteLine(TargetRun.Paint(text, colour));

    /// <summary>Expands `all` and checks each target (`check`): unknown stops the run (2); unavailable fails it (3) unless allowed.</summary>
    private List<string> Resolve(IReadOnlyList<string> names)
    {
        var all = names.Contains("all") ? RunCommand.Self("targets").Lines.Select(l => l.Trim()).Where(l => l.Length > 0).ToArray() : [];
        var expanded = names.SelectMany(n => n == "all" ? all : [n]).Distinct().ToList();
        foreach (var t in expanded)
        {
            var (exit, lines) = RunCommand.Self("check", t);
            var text = string.Join(' ', lines);
            switch (exit)
            {
                case 0: if (lines.Length > 0) Say(string.Join('\n', lines), "36"); break;
                case 3 when o.Switch("allowunavailable"): Loud($"target {t} is UNAVAILABLE here: every scenario will be skipped ({RunOptionRules.Name(o, "allowunavailable")}). {text}"); break;
                case 3:
                    Loud($"target {t} is UNAVAILABLE here: not run, the run fails (exit code 3; {RunOptionRules.Name(o, "allowunavailable")} lets it skip). {text}");
                    _unavailable.Add(t);
                    break;
                default: throw new UsageException(string.Join('\n', lines));
            }
        }
        return [.. expanded.Where(t => !_unavailable.Contains(t))];
    }

    private void Complete(TargetRun run)
    {
        var results = run.Results();
        var filter = o.TestFilter;
        if (results.Count == 0 && filter.Length > 0 && File.Exists(run.Log) &&
            File.ReadLines(run.Log).FirstOrDefault(l => l.Contains("Incorrect format for TestCaseFilter", StringComparison.Ordinal)) is { } bad)
            throw new UsageException($"{o.Shown("filter")} '{filter}' is not a test filter: {bad.Trim()}");
        var unexpected = results.Count(r => !r.Expected);
        var ended = File.Exists(Path.Combine(run.Dir, RunEnd.FileName));
        var selected = File.Exists(Path.Combine(run.Dir, ResultsJournal.SelectionFileName));
        if (!ended && (selected || run.ExitCode != 0))
        {
            // The test host ended before the run did (issue 18, item 5): what ran, what was in flight, what never ran.
            _incomplete.Add(run.Label);
            foreach (var line in IncompleteVerb.Mark(run.Dir, $"the test host ended before the run did (dotnet test exited with {run.ExitCode})").Lines)
                Loud($"{run.Label}: {line}");
        }
        else if (ended && RunEnd.Read(run.Dir) is { Failures.Count: > 0 } end)
        {
            _runFailures.Add($"{run.Label}: {end.Failures.Count}");
        }
        var summary = Path.Combine(run.Dir, "summary.md");
        if (ended && File.Exists(summary))
        {
            foreach (var line in File.ReadLines(summary).Where(l => l.StartsWith("> **", StringComparison.Ordinal)))
                Loud($"{run.Label}: {line[4..].TrimEnd('*')}");
        }
        _unexpected += unexpected;
        _results += results.Count;
        if (run.ExitCode != 0 && unexpected == 0 && !_incomplete.Contains(run.Label))
        {
            _failedRuns.Add(run.Target);
            if (File.Exists(run.Log))
            {
                Say($"dotnet test on {run.Label} exited with {run.ExitCode} without an unexpected result; the end of {run.Log}:", "31");
                var tail = File.ReadLines(run.Log).Concat(File.Exists(run.Log + ".stderr") ? File.ReadLines(run.Log + ".stderr") : []).TakeLast(40);
                foreach (var line in tail) Console.WriteLine($"  {line}");
            }
        }
    }

    private int Verdict(IReadOnlyList<string> targets, double seconds)
    {
        int Fail(string m) { Console.Error.WriteLine(TargetRun.Paint(m, "31")); return 2; }
        if (_reportDirs.Count > 0)
        {
            Console.WriteLine();
            ConsoleVerbs.Report([.. _reportDirs], Fail);
        }
        // A run that did not reach its end on some target gets no requirement table and no site: they would present partial results as whole.
        var whole = _incomplete.Count == 0;
        if (targets.Count > 1 && whole)
        {
            foreach (var line in RunCommand.Self(["requirement-table", "--out", _reportRoot, .. _reportDirs]).Lines) Console.WriteLine(line);
        }
        var siteFailed = _reportDirs.Count > 0 && whole && Site.SiteVerb.Run(["--out", _reportRoot, .. _reportDirs], Fail) != 0;
        var compat = o.Text("compat");
        var compatFailed = compat.Length > 0 && _reportDirs.Count > 0 && whole && Compat.CompatVerb.Run(["--out", Path.GetFullPath(compat), .. _reportDirs], Fail) != 0;
        var skipsExplained = _reportDirs.Count == 0 || SkipBreakdown(targets);
        Console.WriteLine($"wall time: {seconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} s{(o.Switch("parallel") ? " (targets in parallel)" : "")}");
        Console.WriteLine();
        var filter = o.TestFilter;
        var shard = o.Text("shard");
        (int Code, string Message, string Colour) end =
            _unavailable.Count > 0 ? (3, $"unavailable, not run: {string.Join(", ", _unavailable)}; nothing that did not run passes ({RunOptionRules.Name(o, "allowunavailable")} lets it skip)", "31")
            : _incomplete.Count > 0 ? (1, $"the run did not reach its end on: {string.Join(", ", _incomplete)} (its test host was lost; the rows in flight and those not run are named above; no requirement table or site was written)", "31")
            // A selection that matches nothing ran nothing, so nothing passed: a usage error, not "every result is as expected".
            : _results == 0 && _failedRuns.Count == 0 && targets.Count > 0 ? (2, $"no scenario was selected{(filter.Length > 0 ? $" by the filter {filter}" : "")}{(shard.Length > 0 ? $" in shard {shard}" : "")}: nothing ran (exit code 2)", "31")
            : _failedRuns.Count > 0 ? (1, $"dotnet test failed without an unexpected scenario result for: {string.Join(", ", _failedRuns)} (see the output above)", "31")
            : !skipsExplained ? (1, "a skip is neither a known failure, NOT-APPLICABLE, nor an unavailable target let through (above)", "31")
            : _runFailures.Count > 0 ? (1, $"the run failed outside the scenarios' results (the RUN FAILURE lines above): {string.Join(", ", _runFailures)}", "31")
            : compatFailed ? (1, $"the compatibility data could not be written to {compat} (see above)", "31")
            : siteFailed ? (1, "the living-documentation site could not be written (see above)", "31")
            : _unexpected > 0 ? (1, $"{_unexpected} unexpected result(s)", "31")
            : (0, "every result is as expected", "32");
        Say(end.Message, end.Colour);
        return end.Code;
    }

    /// <summary>
    /// Why each skipped row was skipped (`skips`), reconciled with the skips dotnet test reported (not with a shard, whose other
    /// shards' rows are skipped without a result, nor when detailed wrote no log). False when a skip is unexplained.
    /// </summary>
    private bool SkipBreakdown(IReadOnlyList<string> targets)
    {
        var args = new List<string> { "skips" };
        if (o.Switch("allowunavailable")) foreach (var t in targets) args.AddRange(["--environment", t]);
        var reported = _reportDirs.Select(ReportedSkips).ToArray();
        if (!o.Given("shard") && !o.Switch("detailed") && reported.All(r => r is not null)) args.AddRange(["--xunit-skipped", reported.Sum()!.Value.ToString()]);
        var (exit, lines) = RunCommand.Self([.. args, .. _reportDirs]);
        foreach (var line in lines) Say(line, exit == 0 ? "0" : "31");
        return exit == 0;
    }

    /// <summary>The skipped count in dotnet-test.log's closing block ("Total tests: N", then "Skipped: N"), or null without one.</summary>
    private static int? ReportedSkips(string dir)
    {
        var log = Path.Combine(dir, "dotnet-test.log");
        if (!File.Exists(log)) return null;
        var lines = File.ReadAllLines(log);
        var start = Array.FindLastIndex(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^Total tests: *\d+"));
        if (start < 0) return null;
        var skipped = 0;
        foreach (var line in lines[start..])
        {
            var m = System.Text.RegularExpressions.Regex.Match(line, @"^ +Skipped: *(\d+)");
            if (m.Success) skipped = int.Parse(m.Groups[1].Value);
        }
        return skipped;
    }
}
