using System.Diagnostics;

namespace Conformance.Cli.Run;

// --repeat N (-Repeat): each target's N runs go to <report dir>/<target>/run-<i>/ and are compared (`repeatability`): every
// scenario whose status or trace changed between runs; exit 1 when one did, 3 when a target was unavailable.
internal sealed partial class SuiteRun
{
    private readonly List<string> _changed = [];

    private void RunRepeated(string target)
    {
        var targetDir = Path.Combine(_reportRoot, SafeName(target));
        var runDirs = new List<string>();
        var clock = Stopwatch.StartNew();
        for (var run = 1; run <= o.Repeat; run++)
        {
            var dir = Path.Combine(targetDir, $"run-{run}");
            runDirs.Add(dir);
            var started = TargetRun.Start(target, dir, o, _suite, o.Switch("detailed"), $" (run {run} of {o.Repeat})");
            if (started.Process is { } process)
                ConsoleVerbs.Progress([process.Id.ToString(), started.Label, dir], m => { Console.Error.WriteLine(m); return 2; });
            started.Wait();
            if (RunSignals.Signal is not null) return;
            Complete(started);
        }
        Console.WriteLine();
        Say($"-- {target} repeatability over {runDirs.Count} runs --", "36");
        var (exit, lines) = RunCommand.Self(["repeatability", "--out", Path.Combine(targetDir, "repeatability.txt"), .. runDirs]);
        foreach (var line in lines) Say(line, exit == 0 ? "32" : "31");
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"wall time {target}: {seconds:0.0} s for {runDirs.Count} runs ({seconds / runDirs.Count:0.0} s per run)"));
        if (exit != 0) _changed.Add(target);
    }

    private int RepeatVerdict(IReadOnlyList<string> targets)
    {
        Console.WriteLine();
        (int Code, string Message, string Colour) end =
            _unavailable.Count > 0 ? (3, $"unavailable, not run: {string.Join(", ", _unavailable)} ({RunOptionRules.Name(o, "allowunavailable")} lets it skip)", "31")
            : _incomplete.Count > 0 ? (1, $"runs did not reach their end: {string.Join(", ", _incomplete)} (their test host was lost; see above)", "31")
            : _changed.Count > 0 ? (1, $"results changed between runs on: {string.Join(", ", _changed)} (see above and <report dir>/<target>/repeatability.txt)", "31")
            : (0, $"every scenario gave the same status and trace in all {o.Repeat} runs on: {string.Join(", ", targets)}", "32");
        Say(end.Message, end.Colour);
        if (end.Code == 0 && _unexpected > 0)
            Say($"({_unexpected} unexpected result(s) over all runs: not judged with a repeat; see each run's summary)", "33");
        return end.Code;
    }
}
