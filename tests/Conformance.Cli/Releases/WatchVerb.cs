using Conformance.Harness.Expectations;
using Conformance.Harness.Releases;
using Conformance.Harness.Reports;
using Conformance.Harness.Scenarios;
using Conformance.Harness.Targets.Versions;

namespace Conformance.Cli.Releases;

/// <summary>
/// `watch` (issue 22, item 1): for each pinned target, ask npm for the releases of its line newer than the pin, run the suite on the
/// newest, and say per target whether its results are the pin's or which scenarios changed (<see cref="ReleaseWatch"/>). Writes the
/// same into &lt;report dir&gt;/watch.md. Exit code: 0 nothing changed, 1 something changed (or a release did not run), 2 usage.
/// </summary>
internal static class WatchVerb
{
    public const string Usage = "watch [--target <pinned target>]... [--filter F] [--compatibility-date YYYY-MM-DD] [--report-dir D]";

    public static async Task<int> RunAsync(string[] args, string repositoryRoot, Func<string, int> fail)
    {
        if (Options.Parse(args, ["--target", "--filter", "--compatibility-date", "--report-dir"], [], out var problem) is not { } o)
            return fail($"watch: {problem}\nusage: {Usage}");
        IReadOnlyList<PinnedTarget> pins;
        try { pins = PinnedTargets.Read(repositoryRoot); }
        catch (InvalidDataException error) { return fail($"watch: {error.Message}"); }
        if (pins.Count == 0) return fail($"watch: {PinnedTargets.PackageJsonPath(repositoryRoot)} pins no runtime");
        var named = o.Values("--target").SelectMany(t => t.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
        if (named.FirstOrDefault(n => pins.All(p => p.Name != n)) is { } unknown)
            return fail($"watch: \"{unknown}\" is not a pinned target; the pinned targets are {string.Join(", ", pins.Select(p => p.Name))}");
        var date = o.Value("--compatibility-date");
        if (date is not null && !Conformance.Harness.Execution.Dates.RunDates.IsDate(date))
            return fail($"watch: --compatibility-date \"{date}\" is not a date written YYYY-MM-DD");
        var filter = o.Value("--filter") ?? "";
        var reportRoot = Path.GetFullPath(o.Value("--report-dir") ?? Path.Combine(repositoryRoot, "reports", "watch"));
        var featuresRoot = Path.Combine(repositoryRoot, "features");
        var cache = VersionedTargets.DefaultCache();

        var verdicts = new List<WatchVerdict>();
        foreach (var pin in named.Count > 0 ? pins.Where(p => named.Contains(p.Name)) : pins)
        {
            var family = pin.Version.Family;
            var (published, npmProblem) = await NpmClient.Default.VersionsAsync(family.Package, CancellationToken.None);
            if (published is null) { verdicts.Add(WatchVerdict.DidNotRun(pin, "(unknown)", $"cannot ask npm which releases of {family.Package} exist: {npmProblem}")); continue; }
            var newer = ReleaseWatch.NewerOfLine(pin, published);
            Console.WriteLine($"watch: {pin.Name} (pin {pin.Version.TargetName}): {newer.Count} newer release(s) of its line on npm{(newer.Count > 0 ? ": " + string.Join(", ", newer) : "")}");
            if (newer.Count == 0) { verdicts.Add(WatchVerdict.NoNewerRelease(pin)); continue; }
            var release = newer[^1];
            // workerd runs every scenario that names no date at the suite's default (CD-1); node, deno and bun have no dates (CD-5).
            var usedDate = family.HasCompatibilityDates ? date ?? ScenarioProgram.DefaultCompatibilityDate : date;
            var runner = new SuiteReleaseRunner(repositoryRoot, reportRoot, filter, r => $"{family.Name}@{r}", _ => date, cache, Console.WriteLine);
            var run = await runner.RunAsync(release, CancellationToken.None);
            if (!run.Started) { verdicts.Add(WatchVerdict.DidNotRun(pin, release, run.NotStarted!) with { Newer = newer }); continue; }
            var rows = ScenarioResult.ReadAll(Path.Combine(runner.ReportDirectoryOf(release), ResultsJournal.FileName));
            var list = KnownFailureList.Load(Path.Combine(repositoryRoot, "targets", "expectations", pin.Name + ".txt"));
            var changes = ReleaseWatch.Compare(list, rows, row => ReleaseWatch.VerifiedOf(featuresRoot, row));
            verdicts.Add(new WatchVerdict(pin, release, usedDate, changes, rows.Select(r => r.Id).Distinct().Count()) { Newer = newer });
        }

        var lines = verdicts.SelectMany(v => v.Lines()).ToList();
        Console.WriteLine();
        foreach (var line in lines) Console.WriteLine(line);
        Directory.CreateDirectory(reportRoot);
        var report = Path.Combine(reportRoot, "watch.md");
        File.WriteAllText(report, $"# Release watch, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC{(filter.Length > 0 ? $" (filter `{filter}`)" : "")}\n\n```\n{string.Join("\n", lines)}\n```\n");
        Console.WriteLine($"watch: {report}");
        return ReleaseWatch.ExitCode(verdicts);
    }
}
