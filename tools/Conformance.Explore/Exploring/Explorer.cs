using System.Collections.Concurrent;
using System.Diagnostics;
using Conformance.Explore.Generation;
using Conformance.Explore.Reporting;
using Conformance.Harness.Execution;
using Conformance.Harness.Scenarios;
using Conformance.Harness.Targets;

namespace Conformance.Explore.Exploring;

/// <summary>
/// Runs generated programs on the truth (workerd) and on a target through the harness's <see cref="ScenarioExecutor"/>, and
/// turns every difference in trace into a minimised, grouped divergence. A target run that times out or crashes is counted
/// as such, never as a divergence (the statuses of spec/trace-format.md). A divergence counts only when the truth gives
/// the same trace <see cref="StabilityRuns"/> more times; otherwise the program is discarded as unstable.
/// Every step runs a set of programs at once (<see cref="ScenarioExecutor.RunAllAsync"/>), so a batching target (TF-1b)
/// takes them in batches: all programs; then every candidate divergence's inventory sources alone, and the re-runs of those
/// that diverge (issue 19, item 4); then the re-runs of every other candidate; then each minimisation round's candidates;
/// then each minimised program with its re-runs. What is judged depends only on the runs, not on how they were grouped, so the same seed gives the same result.
/// </summary>
public sealed class Explorer(ITarget truth, ITarget target, TimeSpan timeout, ProgramGenerator? generator = null, int? maxParallelism = null)
{
    public int StabilityRuns { get; init; } = 3;

    // Without a generator, the fixed vocabulary only (SourceCatalog.Empty): ExploreRun passes the inventory's (issue 19, item 4).
    private readonly ProgramGenerator _generator = generator ?? new ProgramGenerator(Sources.SourceCatalog.Empty);
    private int _runCounter;

    public async Task<ExplorationResult> ExploreAsync(long seed, int count, ShardSpec? shard = null)
    {
        var clock = Stopwatch.StartNew();
        var programs = Enumerable.Range(0, count).Where(i => shard is null || i % shard.Count == shard.Index - 1)
            .Select(i => _generator.Generate(seed, i)).ToList();
        await using var truthRuns = new ScenarioExecutor(truth, timeout, maxParallelism);
        await using var targetRuns = new ScenarioExecutor(target, timeout, maxParallelism);
        var scenarios = programs.Select(p => ProgramRenderer.ToScenarioProgram(p)).ToList();
        var first = await Task.WhenAll(truthRuns.RunAllAsync(scenarios), targetRuns.RunAllAsync(scenarios)).ConfigureAwait(false);
        var (truthOf, targetOf) = (first[0], first[1]);

        var outcomes = programs.Select((_, i) => FirstJudgement(truthOf[i], targetOf[i])).ToArray();
        var candidates = Enumerable.Range(0, programs.Count).Where(i => outcomes[i] is null).ToList();
        // A source the target lacks (issue 19, item 4): a candidate whose first diverging bare source is stable on the truth is
        // settled by it, with no re-run of the whole program and no ddmin search.
        var bare = await BareSourceAsync([.. candidates.Select(i => programs[i])], truthRuns, targetRuns).ConfigureAwait(false);
        var hits = candidates.Zip(bare).Where(p => p.Second is not null).Select(p => (Index: p.First, Found: p.Second!.Value)).ToList();
        var bareStable = await StableAsync([.. hits.Select(h => (h.Found.Bare, h.Found.Truth.Trace))], truthRuns).ConfigureAwait(false);
        foreach (var ((i, found), isStable) in hits.Zip(bareStable))
            if (isStable) outcomes[i] = new Outcome.Diverged(programs[i].Index, Signature.Of(found.Bare), found.Bare, found.Truth.Trace, found.Target.Trace);
        var rest = candidates.Where(i => outcomes[i] is null).ToList();
        var stable = await StableAsync([.. rest.Select(i => (programs[i].Operations, truthOf[i].Trace))], truthRuns).ConfigureAwait(false);
        foreach (var (i, isStable) in rest.Zip(stable)) if (!isStable) outcomes[i] = new Outcome.Unstable();
        var pending = rest;
        var minimised = await Task.WhenAll(pending.Where(i => outcomes[i] is null)
            .Select(async i => (i, await MinimiseAsync(programs[i], truthOf[i], targetOf[i], truthRuns, targetRuns).ConfigureAwait(false)))).ConfigureAwait(false);
        foreach (var (i, diverged) in minimised) outcomes[i] = diverged;

        var groups = outcomes.OfType<Outcome.Diverged>()
            .GroupBy(d => d.Signature, StringComparer.Ordinal)
            .Select(g =>
            {
                var earliest = g.MinBy(d => d.Index)!;
                return new DivergenceGroup(g.Key, g.Count(), earliest.Index, earliest.Minimised, earliest.TruthTrace, earliest.TargetTrace);
            })
            .OrderBy(g => g.Signature, StringComparer.Ordinal)
            .ToList();
        var wall = Math.Round(clock.Elapsed.TotalSeconds, 2);
        var summary = new ExplorationSummary(seed, target.Name, count, shard is null ? [] : [shard.ToString()], programs.Count,
            outcomes.Count(o => o is Outcome.Unstable), outcomes.Count(o => o is Outcome.TargetTimeout),
            outcomes.Count(o => o is Outcome.TargetCrash), outcomes.Count(o => o is Outcome.TargetError),
            outcomes.Count(o => o is Outcome.TruthFailed),
            [.. groups.Select(g => new SummaryDivergence(g.Signature, g.Count, ScenarioFiles.FeatureName(g.Signature), g.FirstIndex))],
            wall > 0 ? Math.Round(programs.Count / wall, 2) : 0, wall)
        {
            NotCompleted = [.. programs.Zip(outcomes).Where(p => p.Second is Outcome.TargetTimeout or Outcome.TargetCrash).Select(p => p.First.Index)],
            Sources = ExplorationSummary.SourcesOf(programs),
        };
        return new ExplorationResult(summary, groups);
    }

    private abstract record Outcome
    {
        public sealed record Agreed : Outcome;
        public sealed record Unstable : Outcome;
        public sealed record TargetTimeout : Outcome;
        public sealed record TargetCrash : Outcome;
        public sealed record TargetError : Outcome;
        public sealed record TruthFailed : Outcome;
        public sealed record Diverged(int Index, string Signature, IReadOnlyList<Operation> Minimised, IReadOnlyList<string> TruthTrace, IReadOnlyList<string> TargetTrace) : Outcome;
    }

    /// <summary>The outcome the first runs settle, or null for a candidate divergence (still to be re-run and minimised).</summary>
    private static Outcome? FirstJudgement(TargetRun truthRun, TargetRun targetRun)
    {
        switch (targetRun.Status)
        {
            case RunStatus.Timeout: return new Outcome.TargetTimeout();
            case RunStatus.Crash: return new Outcome.TargetCrash();
            case RunStatus.Error or RunStatus.Unavailable: return new Outcome.TargetError();
        }
        // Every program ends with log('end'): a truth trace without it (a load error, an uncaught error) is no trace to judge by.
        if (truthRun.Status != RunStatus.Completed || !ReachedEnd(truthRun.Trace)) return new Outcome.TruthFailed();
        return truthRun.Trace.SequenceEqual(targetRun.Trace, StringComparer.Ordinal) ? new Outcome.Agreed() : null;
    }

    public static bool ReachedEnd(IReadOnlyList<string> trace) => trace.Any(line => line.StartsWith("log: \"end\"", StringComparison.Ordinal));

    private static bool Diverges(TargetRun truthRun, TargetRun targetRun) =>
        truthRun.Status == RunStatus.Completed && targetRun.Status == RunStatus.Completed && !truthRun.Trace.SequenceEqual(targetRun.Trace, StringComparer.Ordinal);

    private async Task<Outcome.Diverged> MinimiseAsync(
        ExploredProgram program, TargetRun truthRun, TargetRun targetRun, ScenarioExecutor truthRuns, ScenarioExecutor targetRuns)
    {
        var tried = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var minimised = await Minimiser.MinimiseAsync(program.Operations, async candidates =>
        {
            var sources = candidates.Select(ProgramRenderer.Render).ToList();
            var unknown = sources.Distinct(StringComparer.Ordinal).Where(s => !tried.ContainsKey(s)).ToList();
            if (unknown.Count > 0)
            {
                var round = unknown.Select(s => Fresh(s, program.Id + "-m")).ToList();
                var runs = await Task.WhenAll(truthRuns.RunAllAsync(round), targetRuns.RunAllAsync(round)).ConfigureAwait(false);
                for (var k = 0; k < unknown.Count; k++) tried[unknown[k]] = Diverges(runs[0][k], runs[1][k]);
            }
            return [.. sources.Select(s => tried[s])];
        }).ConfigureAwait(false);

        return (await CheckAsync([(program, minimised, truthRun, targetRun)], truthRuns, targetRuns).ConfigureAwait(false))[0];
    }

    /// <summary>
    /// Each minimised program once more on both, and StabilityRuns more times on the truth, all in one round. A minimised
    /// program whose truth wavers is not a scenario: the whole program, which was stable, is kept instead.
    /// </summary>
    private async Task<IReadOnlyList<Outcome.Diverged>> CheckAsync(
        IReadOnlyList<(ExploredProgram Program, IReadOnlyList<Operation> Minimised, TargetRun TruthRun, TargetRun TargetRun)> found,
        ScenarioExecutor truthRuns, ScenarioExecutor targetRuns)
    {
        if (found.Count == 0) return [];
        var sources = found.Select(f => ProgramRenderer.Render(f.Minimised)).ToList();
        var truthChecks = found.SelectMany((f, k) => Enumerable.Range(0, 1 + StabilityRuns).Select(_ => Fresh(sources[k], f.Program.Id + "-check"))).ToList();
        var checks = await Task.WhenAll(truthRuns.RunAllAsync(truthChecks),
            targetRuns.RunAllAsync([.. found.Select((f, k) => Fresh(sources[k], f.Program.Id + "-check"))])).ConfigureAwait(false);
        return [.. found.Select((f, k) =>
        {
            var truthOfThis = checks[0].Skip(k * (1 + StabilityRuns)).Take(1 + StabilityRuns).ToList();
            var (truthOfMinimised, targetOfMinimised) = (truthOfThis[0], checks[1][k]);
            var minimalStable = Diverges(truthOfMinimised, targetOfMinimised)
                && truthOfThis.All(run => run.Status == RunStatus.Completed && run.Trace.SequenceEqual(truthOfMinimised.Trace, StringComparer.Ordinal));
            return minimalStable
                ? new Outcome.Diverged(f.Program.Index, Signature.Of(f.Minimised), f.Minimised, truthOfMinimised.Trace, targetOfMinimised.Trace)
                : new Outcome.Diverged(f.Program.Index, Signature.Of(f.Program.Operations), f.Program.Operations, f.TruthRun.Trace, f.TargetRun.Trace);
        })];
    }

    /// <summary>
    /// For each program, the first of its <see cref="Minimiser.BareSources"/> that diverges, with its runs, or null: the bare
    /// sources of every program in one round (issue 19, item 4), so a source a target lacks costs one round for the whole
    /// exploration rather than a ddmin search per program.
    /// </summary>
    private async Task<IReadOnlyList<(IReadOnlyList<Operation> Bare, TargetRun Truth, TargetRun Target)?>> BareSourceAsync(
        IReadOnlyList<ExploredProgram> programs, ScenarioExecutor truthRuns, ScenarioExecutor targetRuns)
    {
        var candidates = programs.Select(p => Minimiser.BareSources(p.Operations)).ToList();
        var distinct = candidates.SelectMany(c => c).Select(ProgramRenderer.Render).Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0) return [.. programs.Select(_ => ((IReadOnlyList<Operation>, TargetRun, TargetRun)?)null)];
        var round = distinct.Select(s => Fresh(s, "bare")).ToList();
        var runs = await Task.WhenAll(truthRuns.RunAllAsync(round), targetRuns.RunAllAsync(round)).ConfigureAwait(false);
        var of = distinct.Select((s, k) => (s, k)).ToDictionary(x => x.s, x => (Truth: runs[0][x.k], Target: runs[1][x.k]), StringComparer.Ordinal);
        return [.. candidates.Select(c => c.Select(b => (Bare: b, Runs: of[ProgramRenderer.Render(b)]))
            .Where(x => Diverges(x.Runs.Truth, x.Runs.Target) && ReachedEnd(x.Runs.Truth.Trace))
            .Select(x => ((IReadOnlyList<Operation>, TargetRun, TargetRun)?)(x.Bare, x.Runs.Truth, x.Runs.Target)).FirstOrDefault())];
    }

    /// <summary>For each program, whether StabilityRuns more runs on the truth all give its trace: every re-run in one round.</summary>
    private async Task<IReadOnlyList<bool>> StableAsync(IReadOnlyList<(IReadOnlyList<Operation> Operations, IReadOnlyList<string> Trace)> programs, ScenarioExecutor truthRuns)
    {
        var again = programs.SelectMany(p => Enumerable.Range(0, StabilityRuns).Select(_ => Fresh(ProgramRenderer.Render(p.Operations), "again"))).ToList();
        var runs = again.Count == 0 ? [] : await truthRuns.RunAllAsync(again).ConfigureAwait(false);
        return [.. programs.Select((p, i) => runs.Skip(i * StabilityRuns).Take(StabilityRuns)
            .All(run => run.Status == RunStatus.Completed && run.Trace.SequenceEqual(p.Trace, StringComparer.Ordinal)))];
    }

    // The executor runs an id once and shares it after: every re-run needs an id of its own.
    private ScenarioProgram Fresh(string source, string prefix) =>
        new($"{prefix}-{Interlocked.Increment(ref _runCounter)}", source, ScenarioPlan.TestHandlerOnly, ScenarioProgram.DefaultCompatibilityDate);
}
