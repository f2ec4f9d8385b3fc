using System.Diagnostics;
using Conformance.Harness.Generated;
using Conformance.Harness.Releases;
using Conformance.Harness.Reports;
using Conformance.Harness.Targets.Versions;

namespace Conformance.Cli.Releases;

/// <summary>
/// `bisect` and `history` (issue 10): the suite over many releases of one runtime, through <see cref="SuiteReleaseRunner"/>.
/// Every usage problem (a range written wrong, an end npm does not have) is found before anything is installed: exit code 2.
/// </summary>
internal static class ReleaseVerbs
{
    public const string BisectUsage = "bisect (--range <runtime>@<from>..<to> [--include-prereleases] | --target <target> --dates <YYYY-MM-DD>..<YYYY-MM-DD>) [--filter F] [--report-dir D]";
    public const string HistoryUsage = "history --releases <runtime>@<version>,... [--filter F] [--selection TEXT] [--command TEXT] [--note TEXT]... [--report-dir D] [--reuse]";

    public static async Task<int> BisectAsync(string[] args, string repositoryRoot, Func<string, int> fail)
    {
        if (Options.Parse(args, ["--range", "--target", "--dates", "--filter", "--report-dir"], ["--include-prereleases"], out var problem) is not { } o)
            return fail($"bisect: {problem}\nusage: {BisectUsage}");
        var filter = o.Value("--filter") ?? "";
        var reportRoot = Path.GetFullPath(o.Value("--report-dir") ?? Path.Combine(repositoryRoot, "reports", "bisect"));
        var cache = VersionedTargets.DefaultCache();
        IReadOnlyList<string> releases;
        SuiteReleaseRunner runner;
        if (o.Value("--range") is { } rangeText)
        {
            if (ReleaseRange.TryParse(rangeText, out var rangeProblem) is not { } range) return fail($"bisect: {rangeProblem}");
            var (published, npmProblem) = await NpmClient.Default.VersionsAsync(range.Family.Package, CancellationToken.None);
            if (published is null) return fail($"bisect: cannot ask npm which releases of {range.Family.Package} exist: {npmProblem}");
            if (range.Select(published, o.Flag("--include-prereleases"), out var selectProblem) is not { } selected) return fail($"bisect: {selectProblem}");
            releases = selected;
            runner = new SuiteReleaseRunner(repositoryRoot, reportRoot, filter, r => $"{range.Family.Name}@{r}", _ => null, cache, Console.WriteLine);
        }
        else if (o.Value("--target") is { } target && o.Value("--dates") is { } datesText)
        {
            if (ReleaseRange.Days(datesText, out var datesProblem) is not { } days) return fail($"bisect: {datesProblem}");
            releases = days;
            runner = new SuiteReleaseRunner(repositoryRoot, reportRoot, filter, _ => target, d => d, cache, Console.WriteLine);
        }
        else return fail($"bisect: give --range, or --target with --dates\nusage: {BisectUsage}");

        Console.WriteLine($"bisect: {releases.Count} releases, {releases[0]} .. {releases[^1]}{(filter.Length > 0 ? $", filter {filter}" : "")}; about {Math.Ceiling(Math.Log2(releases.Count)):0} steps");
        var report = await new Bisector(releases, runner, Console.WriteLine).RunAsync(null, CancellationToken.None);
        Console.WriteLine();
        foreach (var line in report.Lines()) Console.WriteLine(line);
        Console.WriteLine($"reports: {reportRoot}");
        return report.ExitCode;
    }

    public static async Task<int> HistoryAsync(string[] args, string repositoryRoot, Func<string, int> fail)
    {
        if (Options.Parse(args, ["--releases", "--filter", "--selection", "--command", "--note", "--report-dir"], ["--reuse"], out var problem) is not { } o
            || o.Value("--releases") is not { } list)
            return fail($"history: {problem ?? "give --releases"}\nusage: {HistoryUsage}");
        var versions = new List<RuntimeVersion>();
        foreach (var name in list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (RuntimeVersion.TryParse(name, out var versionProblem) is not { } version) return fail($"history: {versionProblem}");
            versions.Add(version);
        }
        var filter = o.Value("--filter") ?? "";
        var reportRoot = Path.GetFullPath(o.Value("--report-dir") ?? Path.Combine(repositoryRoot, "reports", "history"));
        var runner = new SuiteReleaseRunner(repositoryRoot, reportRoot, filter, r => r, _ => null, VersionedTargets.DefaultCache(), Console.WriteLine);
        var clock = Stopwatch.StartNew();
        var runs = new Dictionary<RuntimeVersion, ReleaseRun>();
        foreach (var version in versions)
        {
            var results = Path.Combine(runner.ReportDirectoryOf(version.TargetName), ResultsJournal.FileName);
            if (o.Flag("--reuse") && File.Exists(results) && ScenarioResult.ReadAll(results) is { Count: > 0 } rows)
            {
                Console.WriteLine($"history: {version.TargetName}: the run in {Path.GetDirectoryName(results)} (--reuse)");
                runs[version] = ReleaseRun.FromResults(version.TargetName, rows);
                continue;
            }
            var started = clock.Elapsed;
            runs[version] = await runner.RunAsync(version.TargetName, CancellationToken.None);
            Console.WriteLine($"history: {version.TargetName}: {(runs[version].Started ? "done" : runs[version].NotStarted)} in {(clock.Elapsed - started).TotalSeconds:0} s");
        }
        var runtimes = versions.GroupBy(v => v.Family.Name)
            .Select(g => new RuntimeHistory(g.Key, [.. g.OrderBy(v => v.Version, VersionOrder.Instance).Select(v => runs[v] with { Release = v.Version })]))
            .ToList();
        List<string> header =
        [
            $"Selection: {o.Value("--selection") ?? (filter.Length > 0 ? "the scenarios of the filter" : "every scenario")}" + (filter.Length > 0 ? $" (`--filter {filter}`)." : "."),
            "",
            $"Run: {DateTime.UtcNow:yyyy-MM-dd} UTC, {versions.Count} releases; command: `{o.Value("--command") ?? "dotnet run --project tests/Conformance.Cli -- history " + string.Join(' ', args)}`.",
        ];
        foreach (var note in o.Values("--note")) header.AddRange(["", note]);
        // Issue 17, item 5: the run records its data; the page is rendered from it, as generate renders it, through the one writer.
        var record = HistoryRecord.Of(header, runtimes);
        File.WriteAllText(Path.Combine(repositoryRoot, HistoryRecord.RelativePath), record.ToJson());
        var plan = GeneratedWriter.Plan(repositoryRoot, new GeneratedSet([ReleaseHistory.Page(record)], [], []));
        if (plan.Conflicts.Count > 0) return fail($"history: {HistoryRecord.RelativePath} written, but {string.Join("; ", plan.Conflicts)}");
        GeneratedWriter.Apply(repositoryRoot, plan);
        Console.WriteLine($"history: {HistoryRecord.RelativePath} and {HistoryRecord.PagePath} written ({clock.Elapsed.TotalSeconds:0} s)");
        return runs.Values.All(r => r.Started) ? 0 : 1;
    }
}
