using Conformance.Harness.Expectations;
using Conformance.Harness.Releases;
using Conformance.Harness.Reports;
using Conformance.Harness.Scenarios;
using Conformance.Harness.Targets.Versions;

namespace Conformance.Cli.Releases;

/// <summary>
/// `watch` (issue 22, items 1 and 3): for each pinned target, ask npm for the releases of its line newer than the pin, run the suite on
/// the newest, and say per target whether its results are the pin's or which scenarios changed (<see cref="ReleaseWatch"/>). With
/// <c>--since &lt;runtime&gt;@&lt;release&gt;[..&lt;release&gt;]</c> that target's baseline is a run of the named release instead of the
/// pin's list ("what changed between these two releases"). For workerd each changed scenario gets a flag finding
/// (<see cref="WatchFlagFinding"/>) unless <c>--no-flag-finding</c>. Writes the same into &lt;report dir&gt;/watch.md.
/// Exit code (<see cref="ReleaseWatch.ExitCode"/>): 0 nothing changed, 1 a status changed (or a release did not run), 2 usage,
/// 3 only known failures' traces changed.
/// </summary>
internal static class WatchVerb
{
    public const string Usage = "watch [--target <pinned target>]... [--since <runtime>@<release>[..<release>]]... [--filter F] " +
        "[--compatibility-date YYYY-MM-DD] [--report-dir D] [--no-flag-finding]";

    public static async Task<int> RunAsync(string[] args, string repositoryRoot, Func<string, int> fail)
    {
        if (Options.Parse(args, ["--target", "--since", "--filter", "--compatibility-date", "--report-dir"], ["--no-flag-finding"], out var problem) is not { } o)
            return fail($"watch: {problem}\nusage: {Usage}");
        IReadOnlyList<PinnedTarget> pins;
        try { pins = PinnedTargets.Read(repositoryRoot); }
        catch (InvalidDataException error) { return fail($"watch: {error.Message}"); }
        if (pins.Count == 0) return fail($"watch: {PinnedTargets.PackageJsonPath(repositoryRoot)} pins no runtime");
        var named = o.Values("--target").SelectMany(t => t.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
        if (named.FirstOrDefault(n => pins.All(p => p.Name != n)) is { } unknown)
            return fail($"watch: \"{unknown}\" is not a pinned target; the pinned targets are {string.Join(", ", pins.Select(p => p.Name))}");
        if (WatchBaseline.Parse(o.Values("--since"), pins, out var sinceProblem) is not { } baselines) return fail($"watch: {sinceProblem}");
        var date = o.Value("--compatibility-date");
        if (date is not null && !Conformance.Harness.Execution.Dates.RunDates.IsDate(date))
            return fail($"watch: --compatibility-date \"{date}\" is not a date written YYYY-MM-DD");
        var filter = o.Value("--filter") ?? "";
        var reportRoot = Path.GetFullPath(o.Value("--report-dir") ?? Path.Combine(repositoryRoot, "reports", "watch"));
        var featuresRoot = Path.Combine(repositoryRoot, "features");
        var cache = VersionedTargets.DefaultCache();
        var findings = o.Flag("--no-flag-finding") ? null : new WatchFlagFinding(repositoryRoot, reportRoot, cache, Console.WriteLine);
        // --since alone watches the targets it names; with --target, the targets named there (each with its baseline if given).
        var watched = named.Count > 0 ? pins.Where(p => named.Contains(p.Name) || baselines.Any(b => b.Pin.Name == p.Name))
            : baselines.Count > 0 ? pins.Where(p => baselines.Any(b => b.Pin.Name == p.Name)) : pins;

        var verdicts = new List<WatchVerdict>();
        foreach (var pin in watched)
        {
            var family = pin.Version.Family;
            var since = baselines.FirstOrDefault(b => b.Pin.Name == pin.Name);
            var (published, npmProblem) = await NpmClient.Default.VersionsAsync(family.Package, CancellationToken.None);
            if (published is null)
            {
                verdicts.Add(WatchVerdict.DidNotRun(pin, "(unknown)", $"cannot ask npm which releases of {family.Package} exist: {npmProblem}") with { Baseline = since?.Baseline.TargetName });
                continue;
            }
            var newer = ReleaseWatch.NewerOfLine(since is null ? pin : pin with { Version = since.Baseline }, published);
            var release = since is null ? newer.LastOrDefault() : since.ReleaseFrom(published);
            var baselineName = since?.Baseline.TargetName;
            Console.WriteLine($"watch: {pin.Name} ({(since is null ? "pin" : "since")} {baselineName ?? pin.Version.TargetName}): {newer.Count} newer release(s) of its line on npm" +
                (newer.Count > 0 ? ": " + string.Join(", ", newer) : ""));
            if (release is null) { verdicts.Add(WatchVerdict.NoNewerRelease(pin) with { Baseline = baselineName }); continue; }
            // workerd runs every scenario that names no date at the suite's default (CD-1); node, deno and bun have no dates (CD-5).
            var usedDate = family.HasCompatibilityDates ? date ?? ScenarioProgram.DefaultCompatibilityDate : date;
            var runner = new SuiteReleaseRunner(repositoryRoot, reportRoot, filter, r => $"{family.Name}@{r}", _ => date, cache, Console.WriteLine);
            var run = await runner.RunAsync(release, CancellationToken.None);
            if (!run.Started) { verdicts.Add(WatchVerdict.DidNotRun(pin, release, run.NotStarted!) with { Newer = newer, Baseline = baselineName }); continue; }
            var rows = ScenarioResult.ReadAll(Path.Combine(runner.ReportDirectoryOf(release), ResultsJournal.FileName));
            IReadOnlyList<string>? Verified(ScenarioResult row) => ReleaseWatch.VerifiedOf(featuresRoot, row);
            IReadOnlyList<WatchChange> changes;
            if (since is null)
                changes = ReleaseWatch.Compare(KnownFailureList.Load(Path.Combine(repositoryRoot, "targets", "expectations", pin.Name + ".txt")), rows, Verified);
            else
            {
                var baselineRun = await runner.RunAsync(since.Baseline.Version, CancellationToken.None);
                if (!baselineRun.Started)
                {
                    verdicts.Add(WatchVerdict.DidNotRun(pin, release, $"the baseline {baselineName} did not run: {baselineRun.NotStarted}") with { Newer = newer, Baseline = baselineName });
                    continue;
                }
                var baselineRows = ScenarioResult.ReadAll(Path.Combine(runner.ReportDirectoryOf(since.Baseline.Version), ResultsJournal.FileName));
                changes = ReleaseWatch.CompareRuns(baselineRows, rows, baselineName!, Verified);
            }
            if (findings is not null && family.HasCompatibilityDates && usedDate is not null)
            {
                var baselineRelease = since?.Baseline.Version ?? pin.Version.Version;
                changes = await findings.AddFindingsAsync(changes, release, ReleaseWatch.WorkerdRunDate(release, usedDate),
                    baselineRelease, ReleaseWatch.WorkerdRunDate(baselineRelease, usedDate));
            }
            verdicts.Add(new WatchVerdict(pin, release, usedDate, changes, rows.Select(r => r.Id).Distinct().Count()) { Newer = newer, Baseline = baselineName });
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
