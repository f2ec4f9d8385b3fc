namespace Conformance.Harness.Releases;

/// <summary>What bisect found for one scenario.</summary>
public enum BisectFinding
{
    /// <summary>One change: the outcome is the first end's before <see cref="ScenarioBisect.ChangedAt"/> and the last end's from it on.</summary>
    Changed,
    /// <summary>Both ends give the same outcome (and no release run in between gave another).</summary>
    NoChange,
    /// <summary>A release gives an outcome matching neither end, or one out of order: more than one change in the range.</summary>
    MultipleChanges,
    /// <summary>The change lies between two releases, and none of the releases between them would start.</summary>
    Unresolved,
}

/// <param name="Seen">The scenario's outcome on <paramref name="Release"/>; null when the release would not start.</param>
public sealed record BisectStep(string Release, ObservedOutcome? Seen, string Note)
{
    public string Line => Seen is null ? $"{Release}: {Note}" : $"{Release}: {Seen} ({Note})";
}

/// <param name="First">The oldest release that started (the range's start, unless it would not start).</param>
/// <param name="Last">The newest release that started.</param>
/// <param name="ChangedAt">Changed: the first release with <paramref name="AtLast"/>'s outcome; Unresolved: the first started one after the gap.</param>
/// <param name="LastBefore">Changed/Unresolved: the newest release with <paramref name="AtFirst"/>'s outcome.</param>
/// <param name="Evidence">MultipleChanges/Unresolved: what was seen.</param>
public sealed record ScenarioBisect(string ScenarioId, BisectFinding Finding, string First, string Last, ObservedOutcome AtFirst,
    ObservedOutcome AtLast, string? ChangedAt, string? LastBefore, IReadOnlyList<BisectStep> Steps, string? Evidence = null)
{
    /// <summary><c>&lt;id&gt;: passes from X</c>, <c>fails from Y</c>, <c>changes from Y</c>, or what kept bisect from one answer.</summary>
    public string Headline => Finding switch
    {
        BisectFinding.Changed => $"{ScenarioId}: {Verb} from {ChangedAt} ({LastBefore}: {AtFirst}; {ChangedAt}: {AtLast})",
        BisectFinding.NoChange => $"{ScenarioId}: no change in the range: {Both} on both ends ({First}, {Last}: {AtFirst})",
        BisectFinding.MultipleChanges => $"{ScenarioId}: more than one change in the range {First}..{Last}: {Evidence}",
        _ => $"{ScenarioId}: changes between {LastBefore} ({AtFirst}) and {ChangedAt} ({AtLast}), but {Evidence}",
    };

    private string Verb => AtLast.Passes ? "passes" : AtFirst.Passes ? "fails" : "changes";

    private string Both => AtFirst.Passes ? "passes" : AtFirst.Status == ObservedOutcome.Absent.Status ? "absent" : $"{AtFirst.Status.ToLowerInvariant()}s";
}

/// <param name="Releases">The range's releases, oldest first.</param>
/// <param name="Problem">Why no scenario could be bisected (fewer than two releases start); null otherwise.</param>
/// <param name="Notes">The ends that would not start and were skipped.</param>
/// <param name="Runs">How many releases were run (each once, whatever the number of scenarios).</param>
public sealed record BisectReport(IReadOnlyList<string> Releases, string? Problem, IReadOnlyList<string> Notes, IReadOnlyList<ScenarioBisect> Scenarios,
    int Runs)
{
    /// <summary>0: every scenario has one answer (a change, or none); 1: some had more than one change or an unresolved gap; 3: no bisect.</summary>
    public int ExitCode => Problem is not null ? 3
        : Scenarios.Any(s => s.Finding is BisectFinding.MultipleChanges or BisectFinding.Unresolved) ? 1 : 0;

    public IEnumerable<string> Lines()
    {
        yield return $"bisect: {Releases.Count} releases from {Releases[0]} to {Releases[^1]}; {Runs} of them run";
        foreach (var note in Notes) yield return $"  {note}";
        if (Problem is not null) { yield return $"bisect: {Problem}"; yield break; }
        foreach (var s in Scenarios)
        {
            yield return s.Headline;
            yield return $"  ends: {s.First}: {s.AtFirst}; {s.Last}: {s.AtLast}";
            for (var i = 0; i < s.Steps.Count; i++) yield return $"  step {i + 1}: {s.Steps[i].Line}";
        }
    }
}
