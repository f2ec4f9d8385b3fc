using Conformance.Harness.Execution.Dates;
using Conformance.Harness.Expectations;
using Conformance.Harness.Features;
using Conformance.Harness.Reports;
using Conformance.Harness.Requirements;
using Conformance.Harness.Scenarios;
using Conformance.Harness.Snapshots;
using Conformance.Harness.Targets;

namespace Conformance.Harness.Execution;

/// <summary>
/// One conformance run on one target, independent of the test framework: the settings, the feature catalog, the target,
/// its known failures, the snapshot store, the prefetching executor and the reports. Per row it compiles the program once
/// (<see cref="CompiledOf"/>), gives the outcome (<see cref="OutcomeAsync"/>), judges it once (<see cref="Judge"/>) and, once
/// the other reports have shown that verdict, records it (issue 17, items 2 and 3).
/// </summary>
public sealed partial class ConformanceRun : IAsyncDisposable
{
    private readonly Lazy<Task<string?>> _availability;
    private readonly Lazy<Task<string>> _version;
    private readonly Lazy<Task<RunDates>> _dates;
    private readonly IReadOnlySet<string>? _shardKeys;
    private readonly ScenarioExecutor? _executor;
    private readonly List<string> _notices = [];
    /// <summary>What fails the run without being a row's result (<see cref="RunEnd.Failures"/>).</summary>
    private readonly List<string> _failures = [];
    private readonly IDisposable _signals;
    private readonly System.Collections.Concurrent.ConcurrentBag<JudgedScenario> _judged = [];
    private readonly Lock _gate = new();
    private Task _prefetch = Task.CompletedTask;
    private bool _finished;

    public ConformanceSettings Settings { get; }
    public FeatureCatalog Catalog { get; }
    public ITarget? Target { get; }
    public KnownFailureList KnownFailures { get; }
    public SnapshotStore Snapshots { get; }
    public ResultsJournal Journal { get; }

    /// <summary>Problems that make every row fail: bad settings, an unknown target, a malformed known-failure list.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <param name="createTarget">Makes the target (tests pass a fake); default <see cref="TargetFactory"/>.</param>
    /// <param name="catalog">The catalog already loaded for discovery, if any.</param>
    public ConformanceRun(ConformanceSettings settings, Func<ConformanceSettings, (ITarget? Target, string? Problem)>? createTarget = null,
        FeatureCatalog? catalog = null)
    {
        Settings = settings;
        Catalog = catalog ?? FeatureCatalog.Load(settings.FeaturesRoot, RequirementCatalog.TryLoad(settings.RepositoryRoot)?.IdSet);
        KnownFailures = KnownFailureList.Load(settings.ExpectationsFile);
        var problems = new List<string>(settings.Problems);
        ProvenanceManifest? provenance = null;
        if (settings.Accept)
        {
            provenance = ProvenanceManifest.Load(ProvenanceManifest.PathUnder(settings.FeaturesRoot));
            problems.AddRange(provenance.Problems.Select(p => $"cannot accept: the provenance manifest is malformed: {p}"));
        }
        Snapshots = new SnapshotStore(settings.Accept, settings.FeaturesRoot, Path.Combine(settings.ReportDirectory, SnapshotStore.ReceivedFolder), provenance);
        Journal = new ResultsJournal(settings.ReportDirectory);

        (ITarget? target, string? targetProblem) = (createTarget ?? CreateTarget)(settings);
        if (targetProblem is not null) problems.Add(targetProblem);
        Target = target;
        PinsTraces = (target?.PinsTraces ?? true) && settings.ExpectationsPinTraces;
        if (Targets.Versions.RuntimeVersion.LooksVersioned(settings.TargetName)) _notices.Add(settings.ExpectationsNote);
        var listProblems = ListProblems(KnownFailures, Catalog, PinsTraces).ToList();
        // An update rewrites the list, so the list's own problems must not stop the rows it learns from.
        if (!settings.UpdateExpectations) problems.AddRange(listProblems);
        else if (listProblems.Count > 0)
            _notices.Add($"the known-failure list being updated had {listProblems.Count} problem(s), not run problems in this run; the first: {listProblems[0]}");
        // Lines an update cannot read are kept as they are, so they fail the run that updates (issue 18, item 6).
        if (settings.UpdateExpectations && KnownFailures.Problems.Count > 0)
            _failures.Add($"the known-failure list {KnownFailures.Path} has {KnownFailures.Problems.Count} bad line(s), kept as they are by the update; fix them: " +
                string.Join("; ", KnownFailures.Problems));
        _failures.AddRange(TraceabilityFailures(Catalog, settings));
        Problems = problems;
        if (Target is not null)
            _executor = new ScenarioExecutor(Target, settings.Timeout, settings.MaxParallelism, batching: !settings.NoBatch,
                inFlight: new InFlightRows(settings.ReportDirectory));
        _shardKeys = settings.Shard?.Select(Catalog.Entries.Select(e => e.Key));
        _availability = new(() => CheckAvailabilityAsync());
        _version = new(() => ReadVersionAsync());
        _dates = new(() => ReadDatesAsync());
        if (!Directory.Exists(settings.FeaturesRoot)) _notices.Add($"no features folder at {settings.FeaturesRoot}");
        _signals = CancellationSignals.Watch(Cancel);
    }

    /// <summary>The list's own problems, entries naming no scenario of the catalog, and unpinned FAILs on a target that pins traces.</summary>
    private static IEnumerable<string> ListProblems(KnownFailureList list, FeatureCatalog catalog, bool pinsTraces)
    {
        var ids = catalog.Entries.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var problem in list.Problems) yield return problem;
        foreach (var entry in list.Entries.OrderBy(e => e.Line))
        {
            if (!ids.Contains(entry.ScenarioId))
                yield return $"{list.Where(entry)}: {entry.ScenarioId} names no scenario in {catalog.Root}; remove the line (or run -UpdateExpectations)";
            else if (pinsTraces && entry.Status == ScenarioStatus.Fail && entry.Digest is null)
                yield return $"{list.Where(entry)}: {entry.ScenarioId} is a FAIL without its trace digest; this target pins traces: re-pin with -UpdateExpectations";
        }
    }

    private static (ITarget?, string?) CreateTarget(ConformanceSettings settings)
    {
        var target = TargetFactory.TryCreate(settings.TargetName, settings.RepositoryRoot, settings.MaxParallelism, out var problem);
        return (target, problem);
    }

    private async Task<string?> CheckAvailabilityAsync()
    {
        if (Target is null) return null;
        try
        {
            var reason = await Target.CheckAvailabilityAsync(CancellationToken.None).ConfigureAwait(false);
            if (reason is not null)
                lock (_gate) _notices.Add($"TARGET {Target.Name} IS UNAVAILABLE: every scenario was skipped. {reason}");
            return reason;
        }
        catch (Exception error)
        {
            var reason = $"checking the target failed: {error.GetType().Name}: {error.Message}";
            lock (_gate) _notices.Add($"TARGET {Target.Name} IS UNAVAILABLE: every scenario was skipped. {reason}");
            return reason;
        }
    }

    /// <summary>The target's version for the provenance manifest; "unknown" for a target that cannot say (recorded as such).</summary>
    private async Task<string> ReadVersionAsync()
    {
        if (Target is not IVersionedTarget versioned) return "unknown";
        return await versioned.ReadVersionAsync(CancellationToken.None).ConfigureAwait(false) is { Length: > 0 } version ? version : "unknown";
    }

    /// <summary>Whether a listed FAIL's pinned trace is compared (false: the list is another version's, or the target is unpinned).</summary>
    public bool PinsTraces { get; }

    /// <summary>The run's dates: the newest the workerd binary supports (from `--version`), the override and the added flags.</summary>
    private async Task<RunDates> ReadDatesAsync()
    {
        string? newest = null;
        if (Target is ICompatibilityDatedTarget && await _availability.Value.ConfigureAwait(false) is null)
        {
            var version = await _version.Value.ConfigureAwait(false);
            newest = RunDates.NewestDateFromVersion(version);
            if (newest is null)
                lock (_gate) _notices.Add($"could not read the newest compatibility date of {Target.Name} from its version text \"{version}\": dates are not clamped");
            else if (string.CompareOrdinal(newest, Settings.CompatibilityDate ?? ScenarioProgram.DefaultCompatibilityDate) < 0)
                lock (_gate) _notices.Add($"{Target.Name} supports compatibility dates up to {newest} (`--version`: {version}): scenarios that name no date run at {newest}; " +
                    "those that name a later date, or need a flag that date leaves off, are NOT-APPLICABLE");
        }
        return new RunDates(newest, Settings.CompatibilityDate, Settings.CompatibilityFlags);
    }

    /// <summary>Whether the row belongs to this run's shard (always, without CONFORMANCE_SHARD).</summary>
    public bool InShard(ScenarioEntry entry) => _shardKeys is null || _shardKeys.Contains(entry.Key);

    /// <summary>
    /// The selection this run was given, in run order (the xunit orderer passes the rows left after `--filter`): their programs
    /// start on the target now, ahead of the tests. Rows that cannot run (problems, other shards) are left out.
    /// </summary>
    public void Prefetch(IEnumerable<string> orderedKeys)
    {
        orderedKeys = orderedKeys.ToArray();
        Journal.WriteSelection([.. orderedKeys.Where(key => Catalog.Find(key) is not { } entry || InShard(entry))]);
        if (Settings.Shard is { } shard) new ShardRecord(shard.ToString(), orderedKeys.Count()).Write(Settings.ReportDirectory);
        if (_executor is null || Problems.Count > 0) return;
        var compiled = new List<(ScenarioEntry Entry, ScenarioProgram Program)>();
        foreach (var key in orderedKeys)
        {
            if (Catalog.Find(key) is not { } entry || !InShard(entry)) continue;
            if (CompiledOf(entry).Program is { } program) compiled.Add((entry, program));
        }
        lock (_gate)
        {
            var previous = _prefetch;
            _prefetch = Task.Run(async () =>
            {
                await previous.ConfigureAwait(false);
                if (await _availability.Value.ConfigureAwait(false) is not null) return;
                var dates = await _dates.Value.ConfigureAwait(false);
                _executor.Schedule(compiled.Select(c => _rows.Decide(c.Entry, c.Program, dates, Provided).Program).OfType<ScenarioProgram>());
            });
        }
    }

    /// <summary>An outcome decided before the scenario runs (ERROR for run or row problems, SKIP for an unavailable target), or null.</summary>
    public async Task<ScenarioOutcome?> PreCheckAsync(ScenarioEntry entry)
    {
        if (Problems.Count > 0) return ScenarioOutcome.Error(string.Join("\n", Problems));
        if (entry.Problem is not null) return ScenarioOutcome.Error(entry.Problem);
        if (await _availability.Value.ConfigureAwait(false) is { } unavailable)
            return ScenarioOutcome.Unavailable($"target {Settings.TargetName} is unavailable: {unavailable}");
        return null;
    }

    /// <summary>The row compiled, once per run (<see cref="CompiledRows"/>).</summary>
    public CompiledScenario CompiledOf(ScenarioEntry entry) => _rows.Of(entry);

    private readonly CompiledRows _rows = new();

    /// <summary>What the run's target provides of the Workers platform (issue 20, item 3): none without a target.</summary>
    private IReadOnlySet<string> Provided => Target?.Capabilities ?? ITarget.NoCapabilities;

    /// <summary>
    /// Runs (or collects the prefetched run of) the row's compiled program and compares its trace with the snapshot; a row that
    /// does not compile is an ERROR naming the step at fault.
    /// </summary>
    public async Task<ScenarioOutcome> ExecuteAsync(ScenarioEntry entry)
    {
        if (_executor is null) return ScenarioOutcome.Error(string.Join("\n", Problems));
        var compiled = CompiledOf(entry);
        if (compiled.Program is not { } program) return ScenarioOutcome.Error(compiled.Problem ?? "the row did not compile");
        var decision = _rows.Decide(entry, program, await _dates.Value.ConfigureAwait(false), Provided);
        if (decision.Program is null) return ScenarioOutcome.NotApplicable(decision.NotApplicableReason ?? "");
        program = decision.Program;
        var run = await _executor.RunAsync(program).ConfigureAwait(false);
        SnapshotOrigin? origin = null;
        if (Snapshots.AcceptMode)
        {
            var version = await _version.Value.ConfigureAwait(false);
            if (Target is IVersionedTarget && version == "unknown")
                return ScenarioOutcome.Error($"cannot accept: the version of {Target.Name} could not be read for the provenance manifest");
            origin = new SnapshotOrigin(Target!.Name, version, program.CompatibilityDate);
        }
        var refusal = Snapshots.AcceptMode && run.Status == RunStatus.Completed ? AcceptGuard.Refusal(run.Trace, entry.Tags.All) : null;
        return Bounded(ScenarioJudge.Judge(run, entry.VerifiedPath, Snapshots, origin, refusal), entry, run);
    }

    /// <summary>
    /// One scenario's detail, as every report and the test log get it, is bounded (issue 18, item 7); the whole trace of a run that
    /// was compared is in its received file already, and that of any other run (a TIMEOUT, a CRASH) is written there now.
    /// </summary>
    private ScenarioOutcome Bounded(ScenarioOutcome outcome, ScenarioEntry entry, TargetRun run)
    {
        if (outcome.Detail.Length <= BoundedText.MaxDetailChars) return outcome with { Detail = BoundedText.Escape(outcome.Detail) };
        var received = outcome.Status is not (ScenarioStatus.Pass or ScenarioStatus.Fail) && run.Trace.Count > 0
            ? Snapshots.WriteReceived(entry.VerifiedPath, run.Trace)
            : Snapshots.ReceivedPathFor(entry.VerifiedPath);
        return outcome with { Detail = BoundedText.Cap(outcome.Detail, $"the whole trace is in {received}") };
    }

    /// <summary>The row's outcome on this run: decided before it runs (<see cref="PreCheckAsync"/>), else its run judged against the snapshot.</summary>
    public async Task<ScenarioOutcome> OutcomeAsync(ScenarioEntry entry) =>
        await PreCheckAsync(entry).ConfigureAwait(false) ?? await ExecuteAsync(entry).ConfigureAwait(false);

    /// <summary>
    /// The one verdict of a row (issue 17, item 3): the outcome judged against the target's known failures. Every report
    /// (Cucumber, xunit and JUnit, results.jsonl, the site, the console, the exit code) shows this verdict.
    /// </summary>
    public ScenarioVerdict Judge(ScenarioEntry entry, ScenarioOutcome outcome) =>
        ExpectationJudge.Judge(entry.Id, outcome, KnownFailures, Settings.AllowUnavailable, PinsTraces);

    /// <summary>Judges the outcome (<see cref="Judge"/>) and writes the row to results.jsonl.</summary>
    public ScenarioVerdict Record(ScenarioEntry entry, ScenarioOutcome outcome) => Record(entry, outcome, Judge(entry, outcome));

    /// <summary>Writes the row with its verdict, already judged and already shown to the other reports, to results.jsonl.</summary>
    public ScenarioVerdict Record(ScenarioEntry entry, ScenarioOutcome outcome, ScenarioVerdict verdict)
    {
        if (Settings.UpdateExpectations) _judged.Add(new JudgedScenario(entry.Id, outcome.Status, outcome.Trace));
        Journal.Add(new ScenarioResult
        {
            Id = entry.Id,
            Key = entry.Key,
            Feature = entry.Feature.RelativePath,
            Line = entry.Line,
            Name = entry.Name,
            Tags = entry.Tags.All,
            Requirements = entry.Tags.Requirements,
            Profile = entry.Tags.Profile,
            Target = Target?.Name ?? Settings.TargetName,
            Status = outcome.Status.Text(),
            Expected = verdict.Expected,
            Verdict = verdict.Kind.ToString(),
            ElapsedMs = (long)outcome.Elapsed.TotalMilliseconds,
            Detail = outcome.Detail,
            VerdictMessage = verdict.Kind is VerdictKind.ChangedFailure or VerdictKind.UnexpectedPass ? verdict.Message : null,
            ExitCode = outcome.ExitCode,
            StderrTail = outcome.StderrTail,
        }.WithTrace(outcome.Trace));
        return verdict;
    }

    /// <summary>Lines the summary shows loudly at the top.</summary>
    public IReadOnlyList<string> Notices
    {
        get
        {
            lock (_gate) return [.. Problems.Select(p => "RUN PROBLEM: " + p), .. _failures.Select(f => "RUN FAILURE: " + f), .. _notices];
        }
    }

    public async ValueTask DisposeAsync()
    {
        _signals.Dispose();
        if (_executor is not null) await _executor.DisposeAsync().ConfigureAwait(false);
    }
}
