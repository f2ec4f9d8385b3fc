using DiffPlex.Renderer;

namespace Conformance.Harness.Snapshots;

/// <summary>
/// Verify's conventions, kept small (spec/trace-format.md, "Snapshots"): <c>X.verified.txt</c> is the contract and changes
/// only through an explicit accept; a trace that differs (or has no verified file) is written as <c>X.received.txt</c>, with
/// its unified diff as <c>X.diff</c>, under the run's report folder (<c>reports/&lt;target&gt;/received/&lt;area&gt;/</c>),
/// never beside the verified file: every target shares one verified file, so received files beside it would clobber each
/// other. A match removes a stale received file and diff. Verified files are read tolerant of CRLF and never rewritten
/// except on accept; accept (and a match in accept mode) records who produced the file in the provenance manifest.
/// </summary>
/// <param name="featuresRoot">The folder verified files sit under (their relative path is kept under <paramref name="receivedRoot"/>).</param>
/// <param name="receivedRoot">Where received files and diffs go: <c>&lt;report dir&gt;/received</c>.</param>
/// <param name="provenance">Updated on accept; null when the store does not accept.</param>
public sealed class SnapshotStore(bool accept, string featuresRoot, string receivedRoot, ProvenanceManifest? provenance = null)
{
    public const string VerifiedSuffix = ".verified.txt";
    public const string ReceivedSuffix = ".received.txt";
    public const string DiffSuffix = ".diff";
    public const string ReceivedFolder = "received";

    /// <summary>Whether this store accepts differing traces (CONFORMANCE_ACCEPT=1).</summary>
    public bool AcceptMode { get; } = accept;

    public string FeaturesRoot { get; } = Path.GetFullPath(featuresRoot);
    public string ReceivedRoot { get; } = Path.GetFullPath(receivedRoot);
    public ProvenanceManifest? Provenance { get; } = provenance;

    private volatile bool _frozen;

    /// <summary>From now on accept writes nothing (a cancelled run, issue 18, item 1): traces are only received and diffed.</summary>
    public void Freeze() => _frozen = true;

    /// <summary>The verified file's path under the features root, with '/' separators (its file name if it is elsewhere).</summary>
    public string RelativeVerifiedPath(string verifiedPath)
    {
        var relative = Path.GetRelativePath(FeaturesRoot, Path.GetFullPath(verifiedPath));
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)) relative = Path.GetFileName(verifiedPath);
        return relative.Replace(Path.DirectorySeparatorChar, '/');
    }

    /// <summary><c>&lt;received root&gt;/&lt;area&gt;/X.received.txt</c> for <c>&lt;features&gt;/&lt;area&gt;/X.verified.txt</c>.</summary>
    public string ReceivedPathFor(string verifiedPath) => Path.Combine(ReceivedRoot, Stem(verifiedPath) + ReceivedSuffix);

    /// <summary>The unified diff written beside the received file.</summary>
    public string DiffPathFor(string verifiedPath) => Path.Combine(ReceivedRoot, Stem(verifiedPath) + DiffSuffix);

    private string Stem(string verifiedPath)
    {
        var relative = RelativeVerifiedPath(verifiedPath).Replace('/', Path.DirectorySeparatorChar);
        return relative.EndsWith(VerifiedSuffix, StringComparison.Ordinal) ? relative[..^VerifiedSuffix.Length] : relative;
    }

    /// <summary>Compares <paramref name="trace"/> with the verified file.</summary>
    /// <param name="runCompleted">Accept only writes a verified file from a completed run (never from a timeout or a crash);
    /// callers only compare completed runs, this is a second guard.</param>
    /// <param name="origin">Who produced <paramref name="trace"/>; recorded in the provenance manifest on accept.</param>
    /// <param name="acceptRefusal">Why accept must not write this trace over the verified file (<see cref="AcceptGuard"/>):
    /// then a mismatch is only received and diffed, as without accept.</param>
    public SnapshotComparison Check(string verifiedPath, IReadOnlyList<string> trace, bool runCompleted = true, SnapshotOrigin? origin = null,
        string? acceptRefusal = null)
    {
        var receivedPath = ReceivedPathFor(verifiedPath);
        var diffPath = DiffPathFor(verifiedPath);
        var exists = File.Exists(verifiedPath);
        var verified = exists ? TraceText.Read(verifiedPath) : [];
        var recording = AcceptMode && runCompleted && !_frozen;

        if (exists && verified.SequenceEqual(trace, StringComparer.Ordinal))
        {
            DeleteIfPresent(receivedPath);
            DeleteIfPresent(diffPath);
            if (recording) RecordOrigin(verifiedPath, origin);
            return new SnapshotComparison(SnapshotVerdict.Matched, verifiedPath, receivedPath, null, Accepted: false);
        }

        var verdict = exists ? SnapshotVerdict.Mismatched : SnapshotVerdict.Missing;
        var diff = Diff(exists ? verified : null, trace, Path.GetFileName(verifiedPath), Path.GetFileName(receivedPath));
        if (recording && acceptRefusal is null)
        {
            TraceText.Write(verifiedPath, trace);
            DeleteIfPresent(receivedPath);
            DeleteIfPresent(diffPath);
            RecordOrigin(verifiedPath, origin);
            return new SnapshotComparison(verdict, verifiedPath, receivedPath, diff, Accepted: true);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(receivedPath)!);
        TraceText.Write(receivedPath, trace);
        File.WriteAllText(diffPath, diff.EndsWith('\n') ? diff : diff + "\n");
        return new SnapshotComparison(verdict, verifiedPath, receivedPath, diff, Accepted: false);
    }

    /// <summary>
    /// Keeps the trace of a run that was not compared (TIMEOUT, CRASH) as its received file, with no diff: the reports show only
    /// its beginning (issue 18, item 7). Returns the path.
    /// </summary>
    public string WriteReceived(string verifiedPath, IReadOnlyList<string> trace)
    {
        var receivedPath = ReceivedPathFor(verifiedPath);
        Directory.CreateDirectory(Path.GetDirectoryName(receivedPath)!);
        TraceText.Write(receivedPath, trace);
        DeleteIfPresent(DiffPathFor(verifiedPath));
        return receivedPath;
    }

    private void RecordOrigin(string verifiedPath, SnapshotOrigin? origin)
    {
        if (Provenance is not null && origin is not null) Provenance.Record(RelativeVerifiedPath(verifiedPath), origin);
    }

    /// <summary>A unified diff from the verified lines (null: no file) to the received ones.</summary>
    public static string Diff(IReadOnlyList<string>? verified, IReadOnlyList<string> received, string verifiedName, string receivedName)
    {
        // Lines joined without the final "\n" so the diff shows no phantom empty line at the end.
        var oldText = verified is null ? "" : string.Join("\n", verified);
        var diff = UnidiffRenderer.GenerateUnidiff(oldText, string.Join("\n", received), verifiedName, receivedName, false, false, 3);
        return verified is null ? $"(no {verifiedName})\n{diff}" : diff;
    }

    private static void DeleteIfPresent(string path)
    {
        if (File.Exists(path)) File.Delete(path);
    }
}
