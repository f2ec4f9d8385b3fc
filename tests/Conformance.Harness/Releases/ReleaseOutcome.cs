using Conformance.Harness.Reports;

namespace Conformance.Harness.Releases;

/// <summary>
/// What one scenario did on one release, as bisect and history compare it: its status and the digest of its trace
/// (the first 12 hex digits of results.jsonl's traceHash, as a known-failure list pins it). ABSENT: the release's run has no row.
/// </summary>
public sealed record ObservedOutcome(string Status, string? Digest)
{
    public static ObservedOutcome Absent { get; } = new("ABSENT", null);

    public bool Passes => Status == "PASS";

    /// <summary>"PASS", "FAIL 3f2a0c9d81be", "NOT-APPLICABLE": the digest only where a trace was run and differs (not a pass, a skip or no run).</summary>
    public override string ToString() => Digest is null || Passes || Status is "NOT-APPLICABLE" or "SKIP" or "ABSENT" ? Status : $"{Status} {Digest}";

    /// <summary>A PASS is a PASS whatever its trace (the trace of a pass is the snapshot's); otherwise status and digest.</summary>
    public bool SameAs(ObservedOutcome other) => Status == other.Status && (Passes || Digest == other.Digest);

    public static ObservedOutcome Of(ScenarioResult result) =>
        new(result.Status, result.TraceHash is { } hash && hash.StartsWith(HashPrefix, StringComparison.Ordinal) && hash.Length >= HashPrefix.Length + 12
            ? hash.Substring(HashPrefix.Length, 12)
            : null);

    private const string HashPrefix = "sha256:";
}

/// <summary>One release's run of the selection: every scenario's outcome (and profile), or why the release would not start.</summary>
public sealed record ReleaseRun(string Release, IReadOnlyDictionary<string, ObservedOutcome>? Outcomes, string? NotStarted,
    IReadOnlyDictionary<string, string>? Profiles = null)
{
    public bool Started => Outcomes is not null;

    public ObservedOutcome OutcomeOf(string scenarioId) => Outcomes?.GetValueOrDefault(scenarioId) ?? ObservedOutcome.Absent;

    public static ReleaseRun WouldNotStart(string release, string reason) => new(release, null, reason);

    /// <summary>A finished run from its results.jsonl rows.</summary>
    public static ReleaseRun FromResults(string release, IEnumerable<ScenarioResult> results)
    {
        var rows = results.GroupBy(r => r.Id, StringComparer.Ordinal).Select(g => g.Last()).ToList();
        return new ReleaseRun(release,
            rows.ToDictionary(r => r.Id, ObservedOutcome.Of, StringComparer.Ordinal), null,
            rows.ToDictionary(r => r.Id, r => r.Profile ?? "", StringComparer.Ordinal));
    }
}

/// <summary>
/// Runs the selected scenarios on one release (a runtime version, or a compatibility date on one binary). The real one installs
/// the release and runs the suite (Conformance.Cli); tests give fixed outcomes per release, so bisect needs no download.
/// </summary>
public interface IReleaseRunner
{
    Task<ReleaseRun> RunAsync(string release, CancellationToken cancellationToken);
}
