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
/// its known failures, the snapshot store, the prefetching executor and the reports. The xunit runner asks it, per row,
/// whether the row can run, runs the row's program, and records the result.
/// </summary>
public sealed class ConformanceRun : IAsyncDisposable
{
    private readonly Lazy<Task<string?>> _availability;
    private readonly IReadOnlySet<string>? _shardKeys;
    private readonly ScenarioExecutor? _executor;
    private readonly List<string> _notices = [];
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
        Snapshots = new SnapshotStore(settings.Accept);
        Journal = new ResultsJournal(settings.ReportDirectory);

        var problems = new List<string>(settings.Problems);
        (ITarget? target, string? targetProblem) = (createTarget ?? CreateTarget)(settings);
        if (targetProblem is not null) problems.Add(targetProblem);
        problems.AddRange(KnownFailures.Problems);
        Problems = problems;
        Target = target;
        if (Target is not null) _executor = new ScenarioExecutor(Target, settings.Timeout, settings.MaxParallelism);
        _shardKeys = settings.Shard?.Select(Catalog.Entries.Select(e => e.Key));
        _availability = new(() => CheckAvailabilityAsync());
        if (!Directory.Exists(settings.FeaturesRoot)) _notices.Add($"no features folder at {settings.FeaturesRoot}");
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

    /// <summary>Whether the row belongs to this run's shard (always, without CONFORMANCE_SHARD).</summary>
    public bool InShard(ScenarioEntry entry) => _shardKeys is null || _shardKeys.Contains(entry.Key);

    /// <summary>
    /// The selection this run was given, in run order (the xunit orderer passes the rows left after `--filter`): their programs
    /// start on the target now, ahead of the tests. Rows that cannot run (problems, other shards) are left out.
    /// </summary>
    public void Prefetch(IEnumerable<string> orderedKeys)
    {
        if (_executor is null || Problems.Count > 0) return;
        var programs = new List<ScenarioProgram>();
        foreach (var key in orderedKeys)
        {
            if (Catalog.Find(key) is not { } entry || !InShard(entry)) continue;
            if (ScenarioCompiler.TryCompile(entry, out var program, out _)) programs.Add(program!);
        }
        lock (_gate)
        {
            var previous = _prefetch;
            _prefetch = Task.Run(async () =>
            {
                await previous.ConfigureAwait(false);
                if (await _availability.Value.ConfigureAwait(false) is null) _executor.Schedule(programs);
            });
        }
    }

    /// <summary>An outcome decided before the scenario runs (ERROR for run or row problems, SKIP for an unavailable target), or null.</summary>
    public async Task<ScenarioOutcome?> PreCheckAsync(ScenarioEntry entry)
    {
        if (Problems.Count > 0) return ScenarioOutcome.Error(string.Join("\n", Problems));
        if (entry.Problem is not null) return ScenarioOutcome.Error(entry.Problem);
        if (await _availability.Value.ConfigureAwait(false) is { } unavailable)
            return ScenarioOutcome.Skip($"target {Settings.TargetName} is unavailable: {unavailable}");
        return null;
    }

    /// <summary>Runs (or collects the prefetched run of) <paramref name="program"/> and compares its trace with the snapshot.</summary>
    public async Task<ScenarioOutcome> ExecuteAsync(ScenarioEntry entry, ScenarioProgram program)
    {
        if (_executor is null) return ScenarioOutcome.Error(string.Join("\n", Problems));
        var run = await _executor.RunAsync(program).ConfigureAwait(false);
        return ScenarioJudge.Judge(run, entry.VerifiedPath, Snapshots);
    }

    /// <summary>Applies the known failures and writes the result to results.jsonl.</summary>
    public ScenarioVerdict Record(ScenarioEntry entry, ScenarioOutcome outcome)
    {
        var verdict = ExpectationJudge.Judge(entry.Id, outcome, KnownFailures);
        Journal.Add(new ScenarioResult
        {
            Id = entry.Id,
            Feature = entry.Feature.RelativePath,
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
        }.WithTrace(outcome.Trace));
        return verdict;
    }

    /// <summary>Lines the summary shows loudly at the top.</summary>
    public IReadOnlyList<string> Notices
    {
        get
        {
            lock (_gate) return [.. Problems.Select(p => "RUN PROBLEM: " + p), .. _notices];
        }
    }

    /// <summary>Writes summary.md; called once at the end of the test run.</summary>
    public void WriteSummary()
    {
        lock (_gate)
        {
            if (_finished) return;
            _finished = true;
        }
        var path = Path.Combine(Settings.ReportDirectory, RequirementSummary.FileName);
        File.WriteAllText(path, RequirementSummary.Render(Settings.TargetName, Journal.Results, Notices));
    }

    public async ValueTask DisposeAsync()
    {
        if (_executor is not null) await _executor.DisposeAsync().ConfigureAwait(false);
    }
}
