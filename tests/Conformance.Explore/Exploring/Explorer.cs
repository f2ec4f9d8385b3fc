using System.Collections.Concurrent;
using System.Diagnostics;
using Conformance.Explore.Generation;
using Conformance.Harness.Execution;
using Conformance.Harness.Scenarios;
using Conformance.Harness.Targets;

namespace Conformance.Explore.Exploring;

/// <summary>
/// Runs generated programs on the truth (workerd) and on a target through the harness's <see cref="ScenarioExecutor"/>, and
/// turns every difference in trace into a minimised, grouped divergence. A target run that times out or crashes is counted
/// as such, never as a divergence (the statuses of spec/trace-format.md). A divergence counts only when the truth gives
/// the same trace <see cref="StabilityRuns"/> more times; otherwise the program is discarded as unstable.
/// </summary>
public sealed class Explorer(ITarget truth, ITarget target, TimeSpan timeout, ProgramGenerator? generator = null, int? maxParallelism = null)
{
    public int StabilityRuns { get; init; } = 3;

    private readonly ProgramGenerator _generator = generator ?? new ProgramGenerator();
    private int _runCounter;

    public async Task<ExplorationResult> ExploreAsync(long seed, int count, ShardSpec? shard = null)
    {
        var clock = Stopwatch.StartNew();
        var indexes = Enumerable.Range(0, count).Where(i => shard is null || i % shard.Count == shard.Index - 1).ToList();
        var programs = indexes.Select(i => _generator.Generate(seed, i)).ToList();
        await using var truthRuns = new ScenarioExecutor(truth, timeout, maxParallelism);
        await using var targetRuns = new ScenarioExecutor(target, timeout, maxParallelism);
        var scheduled = programs.Select(p => ProgramRenderer.ToScenarioProgram(p)).ToList();
        truthRuns.Schedule(scheduled);
        targetRuns.Schedule(scheduled);

        var outcomes = await Task.WhenAll(programs.Select(p => JudgeAsync(p, truthRuns, targetRuns))).ConfigureAwait(false);
        var groups = outcomes.OfType<Outcome.Diverged>()
            .GroupBy(d => d.Signature, StringComparer.Ordinal)
            .Select(g =>
            {
                var first = g.MinBy(d => d.Index)!;
                return new DivergenceGroup(g.Key, g.Count(), first.Index, first.Minimised, first.TruthTrace, first.TargetTrace);
            })
            .OrderBy(g => g.Signature, StringComparer.Ordinal)
            .ToList();
        return new ExplorationResult(seed, target.Name, shard?.ToString(), programs.Count,
            outcomes.Count(o => o is Outcome.Unstable), outcomes.Count(o => o is Outcome.TargetTimeout),
            outcomes.Count(o => o is Outcome.TargetCrash), outcomes.Count(o => o is Outcome.TargetError),
            outcomes.Count(o => o is Outcome.TruthFailed), groups, Math.Round(clock.Elapsed.TotalSeconds, 2))
        {
            NotCompleted = [.. programs.Zip(outcomes).Where(p => p.Second is Outcome.TargetTimeout or Outcome.TargetCrash).Select(p => p.First.Index)],
        };
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

    private async Task<Outcome> JudgeAsync(ExploredProgram program, ScenarioExecutor truthRuns, ScenarioExecutor targetRuns)
    {
        var scenario = ProgramRenderer.ToScenarioProgram(program);
        var truthRun = await truthRuns.RunAsync(scenario).ConfigureAwait(false);
        var targetRun = await targetRuns.RunAsync(scenario).ConfigureAwait(false);
        switch (targetRun.Status)
        {
            case RunStatus.Timeout: return new Outcome.TargetTimeout();
            case RunStatus.Crash: return new Outcome.TargetCrash();
            case RunStatus.Error or RunStatus.Unavailable: return new Outcome.TargetError();
        }
        // Every program ends with log('end'): a truth trace without it (a load error, an uncaught error) is no trace to judge by.
        if (truthRun.Status != RunStatus.Completed || !ReachedEnd(truthRun.Trace)) return new Outcome.TruthFailed();
        if (truthRun.Trace.SequenceEqual(targetRun.Trace, StringComparer.Ordinal)) return new Outcome.Agreed();
        if (!await StableAsync(program.Operations, truthRun.Trace, truthRuns).ConfigureAwait(false)) return new Outcome.Unstable();

        var tried = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var minimised = await Minimiser.MinimiseAsync(program.Operations, async candidate =>
        {
            var source = ProgramRenderer.Render(candidate);
            if (tried.TryGetValue(source, out var known)) return known;
            var (t, r) = await RunBothAsync(program, candidate, truthRuns, targetRuns).ConfigureAwait(false);
            var diverges = t.Status == RunStatus.Completed && r.Status == RunStatus.Completed && !t.Trace.SequenceEqual(r.Trace, StringComparer.Ordinal);
            tried[source] = diverges;
            return diverges;
        }).ConfigureAwait(false);

        var (truthOfMinimised, targetOfMinimised) = await RunBothAsync(program, minimised, truthRuns, targetRuns).ConfigureAwait(false);
        var minimalStable = truthOfMinimised.Status == RunStatus.Completed && targetOfMinimised.Status == RunStatus.Completed
            && !truthOfMinimised.Trace.SequenceEqual(targetOfMinimised.Trace, StringComparer.Ordinal)
            && await StableAsync(minimised, truthOfMinimised.Trace, truthRuns).ConfigureAwait(false);
        // A minimised program whose truth wavers is not a scenario: keep the whole program, which was stable.
        return minimalStable
            ? new Outcome.Diverged(program.Index, Signature.Of(minimised), minimised, truthOfMinimised.Trace, targetOfMinimised.Trace)
            : new Outcome.Diverged(program.Index, Signature.Of(program.Operations), program.Operations, truthRun.Trace, targetRun.Trace);
    }

    public static bool ReachedEnd(IReadOnlyList<string> trace) => trace.Any(line => line.StartsWith("log: \"end\"", StringComparison.Ordinal));

    private async Task<bool> StableAsync(IReadOnlyList<Operation> operations, IReadOnlyList<string> trace, ScenarioExecutor truthRuns)
    {
        for (var i = 0; i < StabilityRuns; i++)
        {
            var again = await truthRuns.RunAsync(Fresh(operations, "again")).ConfigureAwait(false);
            if (again.Status != RunStatus.Completed || !again.Trace.SequenceEqual(trace, StringComparer.Ordinal)) return false;
        }
        return true;
    }

    private async Task<(TargetRun Truth, TargetRun Target)> RunBothAsync(
        ExploredProgram program, IReadOnlyList<Operation> operations, ScenarioExecutor truthRuns, ScenarioExecutor targetRuns)
    {
        var scenario = Fresh(operations, program.Id + "-m");
        var runs = await Task.WhenAll(truthRuns.RunAsync(scenario), targetRuns.RunAsync(scenario)).ConfigureAwait(false);
        return (runs[0], runs[1]);
    }

    // The executor runs an id once and shares it after: every re-run needs an id of its own.
    private ScenarioProgram Fresh(IReadOnlyList<Operation> operations, string prefix) =>
        new($"{prefix}-{Interlocked.Increment(ref _runCounter)}", ProgramRenderer.Render(operations), ScenarioPlan.TestHandlerOnly, ScenarioProgram.DefaultCompatibilityDate);
}
