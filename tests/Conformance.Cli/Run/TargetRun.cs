using System.Diagnostics;
using Conformance.Harness.Execution;
using Conformance.Harness.Reports;

namespace Conformance.Cli.Run;

/// <summary>
/// One target's run of the suite assembly: `dotnet test &lt;Conformance.Specs.dll&gt;` with the settings as environment variables
/// (tests/Conformance.Harness/Execution/ConformanceSettings.cs), its output in &lt;report dir&gt;/dotnet-test.log (or on the console
/// with detailed), tracked by <see cref="RunSignals"/> so a SIGINT or SIGTERM ends it and marks its reports incomplete.
/// </summary>
internal sealed class TargetRun
{
    // Every file a target's run writes in its report folder: cleared first, so no stale file sits beside a partial one (issue 18 item 1).
    private static readonly string[] RunFiles =
    [
        "results.jsonl", "selected.txt", "selection.txt", "in-flight.txt", "not-run.txt", "run-end.json", "summary.md", "junit.xml",
        "dotnet-test.log", "dotnet-test.log.stderr", "living-documentation.html", "cucumber-messages.ndjson", "repeatability.txt", "received",
    ];

    /// <summary>Every CONFORMANCE_* setting a run of the suite reads from the options (cleared before each run sets its own).</summary>
    internal static readonly string[] Variables =
    [
        ConformanceSettings.TargetVariable, ConformanceSettings.AcceptVariable, ConformanceSettings.AcceptFromVariable, ConformanceSettings.ReportDirVariable,
        ConformanceSettings.ShardVariable, ConformanceSettings.TimeoutVariable, ConformanceSettings.ParallelismVariable, ConformanceSettings.AllowUnavailableVariable,
        ConformanceSettings.UpdateExpectationsVariable, ConformanceSettings.CompatibilityDateVariable, ConformanceSettings.CompatibilityFlagsVariable,
        ConformanceSettings.NoBatchVariable,
    ]; // not CONFORMANCE_EXPECTATIONS: a list named in the environment stays the run's list unless --expectations names one

    public required string Target { get; init; }
    public required string Dir { get; init; }
    /// <summary>The target, and with a repeat which run this is.</summary>
    public string Label { get; init; } = "";
    public string Log => Path.Combine(Dir, "dotnet-test.log");
    public Process? Process { get; private set; }
    public Task? Copying { get; private set; }
    public int ExitCode { get; private set; }

    public static TargetRun Start(string target, string dir, RunOptions o, string suite, bool detailed, string runLabel = "")
    {
        Directory.CreateDirectory(dir);
        foreach (var name in RunFiles)
        {
            var path = Path.Combine(dir, name);
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
            else File.Delete(path);
        }
        var run = new TargetRun { Target = target, Dir = dir, Label = target + runLabel };
        var filter = o.TestFilter;
        Console.WriteLine(Paint($"== {run.Label} ==  reports: {dir}{(filter.Length > 0 ? $"  filter: {filter}" : "")}", "36"));
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = !detailed, RedirectStandardError = !detailed };
        foreach (var a in new[] { "test", suite, "--nologo", "--logger", "console;verbosity=normal", "--logger", $"junit;LogFilePath={Path.Combine(dir, "junit.xml")}" })
            info.ArgumentList.Add(a);
        if (filter.Length > 0) { info.ArgumentList.Add("--filter"); info.ArgumentList.Add(filter); }
        foreach (var v in Variables) info.Environment.Remove(v);
        foreach (var (name, value) in Settings(target, dir, o)) info.Environment[name] = value;
        run.Process = System.Diagnostics.Process.Start(info)!;
        RunSignals.Track(run.Process, dir, run.Label);
        if (detailed)
        {
            run.Process.WaitForExit();
            run.ExitCode = run.Process.ExitCode;
            run.Process = null;
            return run;
        }
        run.Copying = Task.WhenAll(Copy(run.Process.StandardOutput, run.Log), Copy(run.Process.StandardError, run.Log + ".stderr"));
        return run;
    }

    /// <summary>The environment of the suite's run: what the options say (ConformanceSettings reads it).</summary>
    public static IEnumerable<(string, string)> Settings(string target, string dir, RunOptions o)
    {
        yield return (ConformanceSettings.TargetVariable, target);
        yield return (ConformanceSettings.ReportDirVariable, dir);
        if (o.Timeout > 0) yield return (ConformanceSettings.TimeoutVariable, o.Timeout.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (o.Parallelism > 0) yield return (ConformanceSettings.ParallelismVariable, o.Parallelism.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (o.Text("compatibilitydate") is { Length: > 0 } date && !date.Contains("..", StringComparison.Ordinal))
            yield return (ConformanceSettings.CompatibilityDateVariable, date);
        if (o.CompatibilityFlags.Count > 0) yield return (ConformanceSettings.CompatibilityFlagsVariable, string.Join(',', o.CompatibilityFlags));
        if (o.Switch("nobatch")) yield return (ConformanceSettings.NoBatchVariable, "1");
        if (o.Switch("accept")) yield return (ConformanceSettings.AcceptVariable, "1");
        if (o.Switch("allowunavailable")) yield return (ConformanceSettings.AllowUnavailableVariable, "1");
        if (o.Switch("updateexpectations")) yield return (ConformanceSettings.UpdateExpectationsVariable, "1");
        if (o.Text("acceptfrom") is { Length: > 0 } from) yield return (ConformanceSettings.AcceptFromVariable, from);
        if (o.Text("shard") is { Length: > 0 } shard) yield return (ConformanceSettings.ShardVariable, shard);
        if (o.Text("expectations") is { Length: > 0 } list) yield return (ConformanceSettings.ExpectationsVariable, Path.GetFullPath(list));
    }

    public void Wait()
    {
        if (Process is null) return;
        Process.WaitForExit();
        Copying?.Wait();
        ExitCode = Process.ExitCode;
    }

    private static async Task Copy(StreamReader from, string path)
    {
        await using var to = new StreamWriter(path);
        while (await from.ReadLineAsync() is { } line) await to.WriteLineAsync(line);
    }

    public static string Paint(string text, string code) => ConsoleVerbs.Colour ? $"\u001b[{code}m{text}\u001b[0m" : text;

    /// <summary>The results the run wrote (none when it wrote no journal).</summary>
    public IReadOnlyList<ScenarioResult> Results()
    {
        var path = Path.Combine(Dir, ResultsJournal.FileName);
        return File.Exists(path) ? ScenarioResult.ReadAll(path) : [];
    }
}
