using Conformance.Harness.Execution;
using Conformance.Harness.Snapshots;

namespace Conformance.Harness.Expectations;

/// <summary>One scenario as this run judged it: what an update pins.</summary>
public sealed record JudgedScenario(string Id, ScenarioStatus Status, IReadOnlyList<string> Trace);

/// <summary>What an update changed, for the summary.</summary>
public sealed record ExpectationUpdateReport(string ListPath, int Repinned, int Removed, int Added, int DroppedUnknown, int TraceFilesDeleted)
{
    public override string ToString() =>
        $"updated {ListPath}: {Repinned} re-pinned, {Removed} removed (now pass), {Added} added with the placeholder reason, " +
        $"{DroppedUnknown} removed (name no scenario), {TraceFilesDeleted} orphaned trace file(s) deleted";
}

/// <summary>
/// Rewrites a known-failure list from a run, explicitly (CONFORMANCE_UPDATE_EXPECTATIONS=1, -UpdateExpectations), the way an
/// accept writes snapshots. Only the scenarios this run judged are touched, so a filtered or sharded update changes only its
/// selection: an entry that ran and failed keeps its reason and comment lines and gets its status, digest and trace file
/// re-pinned; one that passed is removed; a failure not listed is added at the end with <see cref="KnownFailureList.PlaceholderReason"/>
/// (a list problem until someone writes the cause). Entries naming no scenario of the catalog are removed, and trace files no
/// entry pins are deleted. A SKIP (the target did not run) changes nothing.
/// </summary>
public static class ExpectationUpdater
{
    public const string AddedSection = "# --- added by -UpdateExpectations: replace each TODO with why the scenario fails ---";

    public static ExpectationUpdateReport Apply(string listPath, IEnumerable<JudgedScenario> judged, IReadOnlySet<string> catalogIds, bool pinTraces)
    {
        var runs = judged.Where(j => j.Status is not (ScenarioStatus.Skip or ScenarioStatus.NotApplicable)).ToDictionary(j => j.Id, StringComparer.Ordinal);
        var traceFolder = KnownFailureList.TraceFolderFor(listPath);
        var lines = File.Exists(listPath) ? File.ReadAllLines(listPath).ToList() : [];
        var output = new List<string>();
        var listed = new HashSet<string>(StringComparer.Ordinal);
        var pinned = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        int repinned = 0, removed = 0, dropped = 0;

        foreach (var line in lines)
        {
            if (SplitEntry(line) is not var (id, reason))
            {
                output.Add(line);
                continue;
            }
            if (!catalogIds.Contains(id) || !listed.Add(id))
            {
                dropped++;
                continue;
            }
            if (!runs.TryGetValue(id, out var run))
            {
                output.Add(line);
                continue;
            }
            if (run.Status == ScenarioStatus.Pass)
            {
                removed++;
                continue;
            }
            output.Add(Pin(run, reason, pinTraces, pinned));
            repinned++;
        }

        var added = runs.Values.Where(r => r.Status != ScenarioStatus.Pass && !listed.Contains(r.Id)).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        if (added.Count > 0)
        {
            while (output.Count > 0 && output[^1].Trim().Length == 0) output.RemoveAt(output.Count - 1);
            if (output.Count > 0) output.Add("");
            if (!output.Contains(AddedSection)) output.Add(AddedSection);
            output.AddRange(added.Select(r => Pin(r, KnownFailureList.PlaceholderReason, pinTraces, pinned)));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(listPath))!);
        var temporary = listPath + ".updating";
        File.WriteAllText(temporary, string.Concat(output.Select(l => l + "\n")), TraceText.Utf8);
        File.Move(temporary, listPath, overwrite: true);
        foreach (var (id, trace) in pinned)
        {
            var file = KnownFailureList.TracePath(traceFolder, id);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            TraceText.Write(file, trace);
        }
        var deleted = DeleteOrphans(traceFolder, KnownFailureList.Load(listPath));
        return new ExpectationUpdateReport(listPath, repinned, removed, added.Count, dropped, deleted);
    }

    private static string Pin(JudgedScenario run, string reason, bool pinTraces, Dictionary<string, IReadOnlyList<string>> pinned)
    {
        string? digest = null;
        if (run.Status == ScenarioStatus.Fail && pinTraces)
        {
            digest = TraceDigest.Of(run.Trace);
            pinned[run.Id] = run.Trace;
        }
        return KnownFailureList.Render(new KnownFailure(run.Id, run.Status, digest, reason, 0));
    }

    /// <summary>The id and reason of an entry line (old or new form), or null for comments, blanks and lines too malformed to keep a reason.</summary>
    private static (string Id, string Reason)? SplitEntry(string line)
    {
        var text = line.Trim();
        if (text.Length == 0 || text.StartsWith('#')) return null;
        var fields = text.Split('|', 3);
        var reason = (fields.Length switch { 2 => fields[1], 3 => fields[2], _ => "" }).Trim();
        var id = fields[0].Trim();
        return id.Length == 0 || reason.Length == 0 ? null : (Id: id, Reason: reason);
    }

    private static int DeleteOrphans(string traceFolder, KnownFailureList list)
    {
        if (!Directory.Exists(traceFolder)) return 0;
        var keep = list.Entries.Where(e => e.Digest is not null).Select(e => Path.GetFullPath(list.TracePathOf(e.ScenarioId))).ToHashSet(StringComparer.Ordinal);
        var deleted = 0;
        foreach (var file in Directory.EnumerateFiles(traceFolder, "*.trace.txt", SearchOption.AllDirectories).ToList())
        {
            if (keep.Contains(Path.GetFullPath(file))) continue;
            File.Delete(file);
            deleted++;
        }
        foreach (var folder in Directory.EnumerateDirectories(traceFolder, "*", SearchOption.AllDirectories).OrderByDescending(d => d.Length).ToList())
            if (!Directory.EnumerateFileSystemEntries(folder).Any()) Directory.Delete(folder);
        if (!Directory.EnumerateFileSystemEntries(traceFolder).Any()) Directory.Delete(traceFolder);
        return deleted;
    }
}
