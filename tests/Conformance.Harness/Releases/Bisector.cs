namespace Conformance.Harness.Releases;

/// <summary>
/// Finds, for each scenario, the first release in a range where its outcome (status and trace digest) changed, by binary search
/// over the releases (issue 10, "Bisect"). Each release is run at most once, for every scenario at a time: a second scenario's
/// search reuses the first one's runs. A release that would not start is skipped and a neighbour tried; every outcome already
/// seen inside the range is checked against the answer, so a release out of order shows as more than one change.
/// </summary>
public sealed class Bisector(IReadOnlyList<string> releases, IReleaseRunner runner, Action<string>? progress = null)
{
    private readonly Dictionary<int, ReleaseRun> _runs = [];

    public async Task<BisectReport> RunAsync(IReadOnlyList<string>? scenarioIds, CancellationToken cancellationToken)
    {
        if (releases.Count < 2) throw new ArgumentException("a bisect needs at least two releases", nameof(releases));
        var notes = new List<string>();
        int? first = null, last = null;
        for (var i = 0; i < releases.Count && first is null; i++)
        {
            if ((await RunAsync(i, cancellationToken)).Started) first = i;
            else notes.Add($"{releases[i]} would not start ({_runs[i].NotStarted}): skipped; trying {(i + 1 < releases.Count ? releases[i + 1] : "nothing newer")}");
        }
        for (var i = releases.Count - 1; first is not null && i > first && last is null; i--)
        {
            if ((await RunAsync(i, cancellationToken)).Started) last = i;
            else notes.Add($"{releases[i]} would not start ({_runs[i].NotStarted}): skipped; trying {releases[i - 1]}");
        }
        if (first is null || last is null)
        {
            var problem = first is null ? "no release in the range would start" : $"only {releases[first.Value]} would start in the range; a bisect needs two";
            return new BisectReport(releases, problem, notes, [], _runs.Count);
        }

        var ids = scenarioIds ?? [.. _runs[first.Value].Outcomes!.Keys.Union(_runs[last.Value].Outcomes!.Keys).Order(StringComparer.Ordinal)];
        var found = new List<ScenarioBisect>();
        foreach (var id in ids) found.Add(await BisectAsync(id, first.Value, last.Value, cancellationToken));
        return new BisectReport(releases, null, notes, found, _runs.Count);
    }

    private async Task<ScenarioBisect> BisectAsync(string id, int first, int last, CancellationToken cancellationToken)
    {
        var atFirst = _runs[first].OutcomeOf(id);
        var atLast = _runs[last].OutcomeOf(id);
        var steps = new List<BisectStep>();
        ScenarioBisect Result(BisectFinding finding, int? changedAt = null, int? lastBefore = null, string? evidence = null) =>
            new(id, finding, releases[first], releases[last], atFirst, atLast,
                changedAt is { } c ? releases[c] : null, lastBefore is { } b ? releases[b] : null, steps, evidence);

        if (atFirst.SameAs(atLast))
            return OutOfOrder(id, first, last, atFirst, atFirst, last + 1) is { } seen ? Result(BisectFinding.MultipleChanges, evidence: seen) : Result(BisectFinding.NoChange);

        int low = first, high = last;
        while (high - low > 1)
        {
            int? chosen = null;
            foreach (var candidate in Candidates((low + high) / 2, low, high))
            {
                var run = await RunAsync(candidate, cancellationToken);
                if (run.Started) { chosen = candidate; break; }
                steps.Add(new BisectStep(releases[candidate], null, $"would not start ({run.NotStarted}): skipped, trying a neighbour"));
            }
            if (chosen is not { } index)
            {
                var gap = string.Join(", ", Enumerable.Range(low + 1, high - low - 1).Select(i => releases[i]));
                return Result(BisectFinding.Unresolved, high, low, $"no release between them would start ({gap})");
            }
            var seen = _runs[index].OutcomeOf(id);
            if (seen.SameAs(atFirst)) { steps.Add(new BisectStep(releases[index], seen, $"as {releases[first]}")); low = index; }
            else if (seen.SameAs(atLast)) { steps.Add(new BisectStep(releases[index], seen, $"as {releases[last]}")); high = index; }
            else
            {
                steps.Add(new BisectStep(releases[index], seen, "matches neither end"));
                return Result(BisectFinding.MultipleChanges,
                    evidence: $"{releases[index]} gives {seen}, matching neither {releases[first]} ({atFirst}) nor {releases[last]} ({atLast})");
            }
        }
        return OutOfOrder(id, first, last, atFirst, atLast, high) is { } outOfOrder
            ? Result(BisectFinding.MultipleChanges, evidence: outOfOrder)
            : Result(BisectFinding.Changed, high, low);
    }

    /// <summary>A release already run in the range whose outcome contradicts "before <paramref name="changedAt"/> as the first end, from it on as the last".</summary>
    private string? OutOfOrder(string id, int first, int last, ObservedOutcome before, ObservedOutcome after, int changedAt)
    {
        foreach (var (index, run) in _runs.Where(r => r.Key >= first && r.Key <= last && r.Value.Started).OrderBy(r => r.Key))
        {
            var seen = run.OutcomeOf(id);
            var expected = index < changedAt ? before : after;
            if (seen.SameAs(expected)) continue;
            return changedAt > last
                ? $"both ends give {before}, but {releases[index]} gives {seen} (a change that was undone)"
                : $"{releases[index]} gives {seen}, not the {expected} of the releases {(index < changedAt ? "before" : "from")} {releases[changedAt]} (out of order)";
        }
        return null;
    }

    /// <summary>The middle, then its neighbours outwards, strictly between <paramref name="low"/> and <paramref name="high"/>.</summary>
    private static IEnumerable<int> Candidates(int middle, int low, int high)
    {
        for (var distance = 0; distance < high - low; distance++)
        {
            if (distance == 0) { yield return middle; continue; }
            if (middle + distance < high) yield return middle + distance;
            if (middle - distance > low) yield return middle - distance;
        }
    }

    private async Task<ReleaseRun> RunAsync(int index, CancellationToken cancellationToken)
    {
        if (_runs.TryGetValue(index, out var cached)) return cached;
        progress?.Invoke($"bisect: running {releases[index]}...");
        var run = await runner.RunAsync(releases[index], cancellationToken);
        _runs[index] = run;
        progress?.Invoke(run.Started ? $"bisect: {releases[index]} done" : $"bisect: {releases[index]} would not start: {run.NotStarted}");
        return run;
    }
}
