using System.Diagnostics;
using Conformance.Harness.Execution;
using Conformance.Harness.Scenarios;

namespace Conformance.Cli.Run;

/// <summary>
/// `run`: the suite on one or more targets, then the reports and the exit code (issue 21 item 1) — the one entry of the packaged
/// tool and of run-conformance.ps1's main path (which builds, then calls it). Exit codes as the script's header says: 0 every
/// result expected, 1 an unexpected result or a run failure, 2 usage, 3 a target unavailable, 130/143 cancelled (RunSignals).
/// </summary>
public static class RunCommand
{
    /// <summary>The suite assembly inside the package: tools/&lt;tfm&gt;/any/suite/ (Conformance.Cli.csproj's pack).</summary>
    public static string PackagedSuite => Path.Combine(AppContext.BaseDirectory, "suite", "Conformance.Specs.dll");

    public static int Run(string[] args)
    {
        RunOptions o;
        try
        {
            o = RunOptions.Parse(args);
            if (o.Mode is "explore") throw new UsageException($"{o.Shown("explore")} is run-conformance.ps1's own mode, not run's (run it from a clone)");
            var packaged = !o.Given("suite");
            var suite = Path.GetFullPath(packaged ? PackagedSuite : o.Text("suite"));
            if (!File.Exists(suite)) throw new UsageException($"{o.Shown("suite")}: no suite assembly at {suite}");
            if (o.Mode is { } mode) return ReleaseModes.RunAsync(o, mode, suite, packaged).GetAwaiter().GetResult();
            return new SuiteRun(o).Execute();
        }
        catch (UsageException usage)
        {
            Console.Error.WriteLine(TargetRun.Paint(usage.Message, "31"));
            return 2;
        }
    }

    /// <summary>Checks the options only: run-conformance.ps1 asks this before it builds anything (and before -Explore, its own mode).</summary>
    public static int Validate(string[] args)
    {
        try
        {
            RunOptions.Parse(args);
            return 0;
        }
        catch (UsageException usage)
        {
            Console.Error.WriteLine(TargetRun.Paint(usage.Message, "31"));
            return 2;
        }
    }

    /// <summary>Another verb of this tool in a process of its own (as the script runs them): its exit code and output lines.</summary>
    internal static (int Exit, string[] Lines) Self(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(typeof(RunCommand).Assembly.Location);
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        RunSignals.Track(process);
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var text = (output + error.Result).TrimEnd();
        return (process.ExitCode, text.Length == 0 ? [] : text.Split('\n'));
    }
}

/// <summary>The state of one `run` from its start to its exit code.</summary>
internal sealed partial class SuiteRun(RunOptions o)
{
    private readonly List<string> _unavailable = [];
    private readonly List<string> _failedRuns = [];
    private readonly List<string> _incomplete = [];
    private readonly List<string> _runFailures = [];
    private readonly List<string> _reportDirs = [];
    private int _unexpected;
    private int _results;
    private string _reportRoot = "";
    private string _suite = "";

    public int Execute()
    {
        var packaged = !o.Given("suite");
        _suite = Path.GetFullPath(packaged ? RunCommand.PackagedSuite : o.Text("suite"));
        if (!File.Exists(_suite)) throw new UsageException($"{o.Shown("suite")}: no suite assembly at {_suite}");
        var root = RepositoryRoot.Find(Path.GetDirectoryName(_suite));
        if (packaged && (o.Switch("accept") || (o.Switch("updateexpectations") && !o.Given("expectations") &&
            Environment.GetEnvironmentVariable(ConformanceSettings.ExpectationsVariable) is not { Length: > 0 })))
            throw new UsageException($"{(o.Switch("accept") ? o.Shown("accept") : o.Shown("updateexpectations"))} would write into the installed package: " +
                "accept snapshots from a clone; re-pin your own list with --expectations <file> --update-expectations");
        _reportRoot = Path.GetFullPath(o.Text("reportdir") is { Length: > 0 } dir ? dir : "reports");
        if (o.Text("runtimecache") is { Length: > 0 } cache) Environment.SetEnvironmentVariable("CONFORMANCE_RUNTIME_CACHE", Path.GetFullPath(cache));
        if (packaged) PinnedRuntimes.UseCache(root);
        foreach (var expression in new[] { o.Text("filter"), o.TestFilter }.Where(e => e.Length > 0).Distinct())
        {
            if (TestFilterSyntax.Problem(expression) is { } bad) throw new UsageException($"{o.Shown("filter")}: \"{expression}\" is not a test filter: {bad}");
        }
        RunLock.Enter(_reportRoot, o.Switch("accept") || o.Switch("updateexpectations"), root, packaged ? "workers-als-conformance run" : "run-conformance.ps1");
        RunSignals.Install();
        var targets = Resolve(o.Targets);
        foreach (var file in new[] { "matrix.md", "matrix.html", "index.html", "site" }) Remove(Path.Combine(_reportRoot, file));
        var temp = Path.Combine(Path.GetTempPath(), $"conformance-run-{Environment.ProcessId}");
        Directory.CreateDirectory(temp);
        var outerTemp = Environment.GetEnvironmentVariable("TMPDIR");
        Environment.SetEnvironmentVariable("TMPDIR", temp);
        RunSignals.OwnTemp(temp);
        var clock = Stopwatch.StartNew();
        try
        {
            if (o.Repeat >= 2) foreach (var t in targets) RunRepeated(t);
            else if (o.Switch("parallel")) RunAll(targets);
            else foreach (var t in targets) RunAll([t]);
        }
        finally
        {
            Environment.SetEnvironmentVariable("TMPDIR", outerTemp);
            if (RunSignals.Signal is null) Remove(temp);
        }
        if (RunSignals.Signal is not null) Thread.Sleep(Timeout.Infinite); // RunSignals ends the process with 130 or 143
        return o.Repeat >= 2 ? RepeatVerdict(targets) : Verdict(targets, clock.Elapsed.TotalSeconds);
    }

    private static void Remove(string path)
    {
        try
        {
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
            else File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    private void RunAll(IReadOnlyList<string> targets)
    {
        var detailed = o.Switch("detailed");
        var started = targets.Select(t =>
        {
            var dir = Path.Combine(_reportRoot, SafeName(t));
            _reportDirs.Add(dir);
            return TargetRun.Start(t, dir, o, _suite, detailed);
        }).ToArray();
        var quiet = started.Where(r => r.Process is not null).ToArray();
        if (quiet.Length > 0)
            ConsoleVerbs.Progress([.. quiet.SelectMany(r => new[] { r.Process!.Id.ToString(), r.Label, r.Dir })], m => { Console.Error.WriteLine(m); return 2; });
        foreach (var r in quiet) r.Wait();
        if (RunSignals.Signal is not null) return;
        foreach (var r in started) Complete(r);
    }

    /// <summary>A report folder's name for a target: its family ("command:node x" → "command").</summary>
    public static string SafeName(string target)
    {
        var family = target.Split(':', 2)[0];
        var safe = string.Concat(family.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '@' or '-' ? c : '-')).Trim('-');
        return safe.Length > 0 ? safe : "target";
    }
}
