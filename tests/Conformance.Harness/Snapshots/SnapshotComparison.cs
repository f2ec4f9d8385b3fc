namespace Conformance.Harness.Snapshots;

/// <summary>How a trace compared with its verified snapshot.</summary>
public enum SnapshotVerdict
{
    Matched,
    Mismatched,
    /// <summary>No verified file exists (an empty file is not missing: it is an empty trace).</summary>
    Missing,
}

/// <param name="Verdict">The comparison before any accept.</param>
/// <param name="Accepted">The verified file was (re)written from this trace by an explicit accept.</param>
/// <param name="Diff">A unified diff verified → received when they differ (for a missing file: against nothing).</param>
public sealed record SnapshotComparison(SnapshotVerdict Verdict, string VerifiedPath, string ReceivedPath, string? Diff, bool Accepted)
{
    /// <summary>The trace now agrees with the verified file: it matched, or was accepted.</summary>
    public bool Agrees => Verdict == SnapshotVerdict.Matched || Accepted;
}
