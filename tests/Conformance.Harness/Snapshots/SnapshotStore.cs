using DiffPlex.Renderer;

namespace Conformance.Harness.Snapshots;

/// <summary>
/// Verify's conventions, kept small (spec/trace-format.md, "Snapshots"): <c>X.verified.txt</c> is the contract and changes
/// only through an explicit accept; a trace that differs (or has no verified file) is written beside it as
/// <c>X.received.txt</c>; a match removes a stale received file. Verified files are read tolerant of CRLF and never rewritten
/// except on accept.
/// </summary>
public sealed class SnapshotStore(bool accept)
{
    public const string VerifiedSuffix = ".verified.txt";
    public const string ReceivedSuffix = ".received.txt";

    /// <summary>Whether this store accepts differing traces (CONFORMANCE_ACCEPT=1).</summary>
    public bool AcceptMode { get; } = accept;

    public static string ReceivedPathFor(string verifiedPath) =>
        verifiedPath.EndsWith(VerifiedSuffix, StringComparison.Ordinal)
            ? verifiedPath[..^VerifiedSuffix.Length] + ReceivedSuffix
            : verifiedPath + ReceivedSuffix;

    /// <summary>Compares <paramref name="trace"/> with the verified file.</summary>
    /// <param name="runCompleted">Accept only writes a verified file from a completed run (never from a timeout or a crash);
    /// callers only compare completed runs, this is a second guard.</param>
    public SnapshotComparison Check(string verifiedPath, IReadOnlyList<string> trace, bool runCompleted = true)
    {
        var receivedPath = ReceivedPathFor(verifiedPath);
        var exists = File.Exists(verifiedPath);
        var verified = exists ? TraceText.Read(verifiedPath) : [];

        if (exists && verified.SequenceEqual(trace, StringComparer.Ordinal))
        {
            DeleteIfPresent(receivedPath);
            return new SnapshotComparison(SnapshotVerdict.Matched, verifiedPath, receivedPath, null, Accepted: false);
        }

        var verdict = exists ? SnapshotVerdict.Mismatched : SnapshotVerdict.Missing;
        var diff = Diff(exists ? verified : null, trace, Path.GetFileName(verifiedPath), Path.GetFileName(receivedPath));
        if (AcceptMode && runCompleted)
        {
            TraceText.Write(verifiedPath, trace);
            DeleteIfPresent(receivedPath);
            return new SnapshotComparison(verdict, verifiedPath, receivedPath, diff, Accepted: true);
        }

        TraceText.Write(receivedPath, trace);
        return new SnapshotComparison(verdict, verifiedPath, receivedPath, diff, Accepted: false);
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
