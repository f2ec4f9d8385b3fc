using System.Diagnostics;
using Conformance.Harness.Reports;

namespace Conformance.Cli;

/// <summary>
/// The console of run-conformance.ps1: `progress` prints a line per target while `dotnet test` runs quietly, `console`
/// prints the unexpected results and the table at the end. Colour only on a terminal (and never with NO_COLOR): a CI
/// log gets plain lines, no carriage returns.
/// </summary>
internal static class ConsoleVerbs
{
    public static bool Colour =>
        !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null && Environment.GetEnvironmentVariable("TERM") != "dumb";

    /// <summary>progress [--interval S] (&lt;pid&gt; &lt;target&gt; &lt;report dir&gt;)...: until every pid has exited (default 10 s).</summary>
    public static int Progress(string[] args, Func<string, int> fail)
    {
        var interval = TimeSpan.FromSeconds(10);
        var followed = new List<(int Pid, ProgressMeter Meter)>();
        for (var i = 0; i < args.Length;)
        {
            if (args[i] == "--interval" && i + 1 < args.Length && double.TryParse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture, out var s) && s > 0)
            {
                interval = TimeSpan.FromSeconds(s);
                i += 2;
            }
            else if (i + 2 < args.Length && int.TryParse(args[i], out var pid))
            {
                followed.Add((pid, new ProgressMeter(args[i + 1], args[i + 2])));
                i += 3;
            }
            else return fail($"progress: expected <pid> <target> <report dir>, got \"{args[i]}\"");
        }
        if (followed.Count == 0) return fail("progress: nothing to follow");

        var clock = Stopwatch.StartNew();
        var lastPrint = followed.ToDictionary(f => f.Meter, _ => TimeSpan.Zero);
        var lastDone = followed.ToDictionary(f => f.Meter, _ => -1);
        var finished = new HashSet<ProgressMeter>();
        while (finished.Count < followed.Count)
        {
            Thread.Sleep(250);
            foreach (var (pid, meter) in followed)
            {
                if (finished.Contains(meter)) continue;
                var exited = HasExited(pid);
                meter.Poll();
                // Every interval during the first minute, then every three: a long run stays a few dozen lines.
                var wait = clock.Elapsed < TimeSpan.FromMinutes(1) ? interval : interval * 3;
                var due = clock.Elapsed - lastPrint[meter] >= wait && meter.Done != lastDone[meter];
                if (!exited && !due) continue;
                Console.WriteLine(meter.Line(clock.Elapsed, exited));
                lastPrint[meter] = clock.Elapsed;
                lastDone[meter] = meter.Done;
                if (exited) finished.Add(meter);
            }
        }
        return 0;
    }

    /// <summary>console [--max-blocks N] &lt;report dir&gt;...: the blocks of the unexpected results, then the table.</summary>
    public static int Report(string[] args, Func<string, int> fail)
    {
        var maxBlocks = 50;
        var targets = new List<TargetResults>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--max-blocks" && i + 1 < args.Length && int.TryParse(args[i + 1], out var n) && n >= 0) { maxBlocks = n; i++; continue; }
            if (args[i].StartsWith("--", StringComparison.Ordinal)) return fail($"console: bad option {args[i]}");
            var file = Directory.Exists(args[i]) ? Path.Combine(args[i], ResultsJournal.FileName) : args[i];
            var label = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(file))) ?? args[i];
            if (!File.Exists(file)) { targets.Add(new TargetResults(label, [])); continue; }
            try
            {
                var results = ScenarioResult.ReadAll(file);
                targets.Add(new TargetResults(results.Count > 0 ? results[0].Target : label, results));
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or FormatException)
            {
                return fail($"console: cannot read {file}: {error.Message}");
            }
        }
        if (targets.Count == 0) return fail("console: no report folder given");
        string? root;
        try { root = Conformance.Harness.Scenarios.RepositoryRoot.Find(); }
        catch (DirectoryNotFoundException) { root = null; }
        Console.Write(ConsoleReport.Render(targets, maxBlocks, Colour, root));
        return 0;
    }

    private static bool HasExited(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException)
        {
            return true; // no such process any more
        }
    }
}
