using Conformance.Cli.Releases;
using Conformance.Harness.Execution;
using Conformance.Harness.Scenarios;

namespace Conformance.Cli.Run;

/// <summary>
/// `run --bisect`, `run --history`, `run --watch` (issue 21 item 1): the suite over many releases, for the packaged tool and for
/// run-conformance.ps1 alike, through the verbs `bisect`, `history` and `watch` (Releases/ReleaseVerbs.cs, Releases/WatchVerb.cs).
/// Each release's report goes to &lt;report dir&gt;/bisect|history|watch/. Exit codes are the verbs': bisect 0 an answer per
/// scenario, 1 more than one change or an unresolved gap, 3 fewer than two releases start; history 0, or 1 when a release did
/// not run (or -Compat could not be written); watch 0 nothing changed, 1 a status changed or a release did not run, 3 only known
/// failures' traces changed; 2 usage for all.
/// </summary>
internal static partial class ReleaseModes
{
    public static async Task<int> RunAsync(RunOptions o, string mode, string suite, bool packaged)
    {
        RunSignals.Install(); // the releases' runs are tracked (SuiteReleaseRunner): a signal ends them and this run as cancelled
        var root = RepositoryRoot.Find(Path.GetDirectoryName(suite));
        if (packaged && mode == "history")
            throw new UsageException($"{o.Shown("history")} records docs/history.json and docs/history.md in the suite's own folder, here the installed package: run it from a clone");
        var reportRoot = Path.GetFullPath(o.Text("reportdir") is { Length: > 0 } dir ? dir : "reports");
        if (o.Text("runtimecache") is { Length: > 0 } cache) Environment.SetEnvironmentVariable("CONFORMANCE_RUNTIME_CACHE", Path.GetFullPath(cache));
        if (packaged) PinnedRuntimes.UseCache(root);
        RunLock.Enter(reportRoot, false, root, packaged ? "workers-als-conformance run" : "run-conformance.ps1");
        var filter = o.TestFilter;
        var verb = mode switch
        {
            "bisect" => BisectArguments(o, filter, Path.Combine(reportRoot, "bisect")),
            "history" => HistoryArguments(o, filter, Path.Combine(reportRoot, "history")),
            _ => WatchArguments(o, filter, Path.Combine(reportRoot, "watch")),
        };
        if (mode != "watch") CheckFilters(o, filter);
        foreach (var (name, value) in Settings(o)) Environment.SetEnvironmentVariable(name, value);
        var exit = mode switch
        {
            "bisect" => await ReleaseVerbs.BisectAsync(verb, root, Fail),
            "history" => await ReleaseVerbs.HistoryAsync(verb, root, Fail),
            _ => await WatchVerb.RunAsync(verb, root, Fail),
        };
        if (mode == "history" && o.Text("compat") is { Length: > 0 } compat
            && Compat.CompatVerb.Run(["--out", Path.GetFullPath(compat), Path.Combine(reportRoot, "history")], Fail) != 0)
            return Math.Max(exit, 1);
        return exit;
    }

    // What a release's run takes from the options, as a plain run's (TargetRun.Settings); the runner sets the target, the report
    // folder and bisect's date per release, and a list, a shard, an accept are not a release run's.
    private static readonly string[] ReleaseSettings =
    [
        ConformanceSettings.TimeoutVariable, ConformanceSettings.ParallelismVariable, ConformanceSettings.CompatibilityDateVariable,
        ConformanceSettings.CompatibilityFlagsVariable, ConformanceSettings.NoBatchVariable,
    ];

    /// <summary>The settings the releases' runs inherit: every CONFORMANCE_* a run reads cleared (what an earlier run left is not
    /// this run's), then the release settings the options name.</summary>
    public static IEnumerable<(string Name, string? Value)> Settings(RunOptions o)
    {
        var given = TargetRun.Settings("", "", o).Where(s => ReleaseSettings.Contains(s.Item1)).ToDictionary(s => s.Item1, s => s.Item2);
        return TargetRun.Variables.Select(v => (v, given.TryGetValue(v, out var value) ? value : null));
    }

    private static string[] BisectArguments(RunOptions o, string filter, string reportDir)
    {
        var usage = $"{Name(o, "bisect")} takes one {Name(o, "target")} <runtime>@<from>..<to> (e.g. bun@1.0.0..1.4.5), or one target with {Name(o, "compatibilitydate")} <from>..<to>, " +
            $"and a selection ({Name(o, "filter")}, {Name(o, "profiles")} or {Name(o, "requirement")})";
        if (o.Targets.Count != 1) throw new UsageException(usage);
        if (filter.Length == 0) throw new UsageException($"{usage}; without one it would run every scenario on each release");
        var date = o.Text("compatibilitydate");
        if (o.Targets[0].Contains("..", StringComparison.Ordinal))
        {
            if (date.Length > 0) throw new UsageException($"{Name(o, "bisect")} over releases runs each at its own default date; drop {Name(o, "compatibilitydate")}");
            return ["--filter", filter, "--report-dir", reportDir, "--range", o.Targets[0], .. o.Switch("includeprereleases") ? new[] { "--include-prereleases" } : []];
        }
        if (date.Contains("..", StringComparison.Ordinal)) return ["--filter", filter, "--report-dir", reportDir, "--target", o.Targets[0], "--dates", date];
        throw new UsageException(usage);
    }

    private static string[] HistoryArguments(RunOptions o, string filter, string reportDir)
    {
        var bad = o.Targets.Where(t => !VersionedName().IsMatch(t)).ToArray();
        if (bad.Length > 0 || o.Targets.Count < 2)
        {
            var why = bad.Length > 0 ? $"not a <runtime>@<version>: {string.Join(", ", bad)}" : $"got {o.Targets.Count}";
            throw new UsageException($"{Name(o, "history")} takes two or more {Name(o, "target")} <runtime>@<version> (e.g. bun@1.0.0,bun@1.3.0); {why}");
        }
        var releases = string.Join(',', o.Targets);
        // The command docs/history.md names: the one that reproduces the run, in the caller's own style.
        var command = o.ScriptStyle
            ? $"dotnet pwsh ./run-conformance.ps1 -History -Target {releases}{(filter.Length > 0 ? $" -Filter '{filter}'" : "")}"
            : $"workers-als-conformance run --history --target {releases}{(filter.Length > 0 ? $" --filter '{filter}'" : "")}";
        return ["--releases", releases, "--report-dir", reportDir, "--command", command, .. filter.Length > 0 ? new[] { "--filter", filter } : []];
    }

    private static string[] WatchArguments(RunOptions o, string filter, string reportDir)
    {
        List<string> args = ["--report-dir", reportDir];
        if (o.Given("target")) foreach (var t in o.Targets) args.AddRange(["--target", t]);
        foreach (var s in o.Since) args.AddRange(["--since", s]);
        if (o.Switch("noflagfinding")) args.Add("--no-flag-finding");
        if (filter.Length > 0) args.AddRange(["--filter", filter]);
        if (o.Text("compatibilitydate") is { Length: > 0 } date) args.AddRange(["--compatibility-date", date]);
        return [.. args];
    }

    // The filter alone first, so a syntax error's position is in the user's own text.
    private static void CheckFilters(RunOptions o, string filter)
    {
        foreach (var expression in new[] { o.Text("filter"), filter }.Where(e => e.Length > 0).Distinct())
        {
            if (TestFilterSyntax.Problem(expression) is { } bad) throw new UsageException($"{Name(o, "filter")}: \"{expression}\" is not a test filter: {bad}");
        }
    }

    private static string Name(RunOptions o, string key) => RunOptionRules.Name(o, key);

    private static int Fail(string message)
    {
        Console.Error.WriteLine(TargetRun.Paint(message, "31"));
        return 2;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z]+@[0-9]")]
    private static partial System.Text.RegularExpressions.Regex VersionedName();
}
