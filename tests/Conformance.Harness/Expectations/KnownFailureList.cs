using Conformance.Harness.Execution;

namespace Conformance.Harness.Expectations;

/// <summary>
/// One line of a known-failure list: the scenario, the status it is expected to end in, for FAIL the digest of its failing
/// trace (null: any trace, for a target whose traces are not pinned), why it fails, and where the line is.
/// <see cref="Status"/> is null for a line in the old <c>&lt;id&gt; | &lt;reason&gt;</c> form (a list problem until updated).
/// </summary>
public sealed record KnownFailure(string ScenarioId, ScenarioStatus? Status, string? Digest, string Reason, int Line)
{
    public bool HasPlaceholderReason => Reason == KnownFailureList.PlaceholderReason;
}

/// <summary>
/// A target's known failures, <c>targets/expectations/&lt;target&gt;.txt</c>, one entry per line:
/// <code>
/// &lt;scenario id&gt; | FAIL &lt;digest&gt; | &lt;reason&gt;     the trace differs from the snapshot, and is exactly the pinned one
/// &lt;scenario id&gt; | TIMEOUT | &lt;reason&gt;              (or CRASH, ERROR; or FAIL without a digest on an unpinned target)
/// </code>
/// The digest is the first 12 hex digits of SHA-256 over the failing trace as file text (<see cref="TraceDigest"/>); the trace
/// itself is kept in <c>&lt;target&gt;/&lt;scenario id&gt;.trace.txt</c> beside the list, so a change shows as a diff.
/// <c>#</c> starts a comment; blank lines are ignored. A missing file is an empty list.
/// </summary>
public sealed class KnownFailureList
{
    /// <summary>The reason -UpdateExpectations gives a new failure; a list holding it is a run problem until a human writes one.</summary>
    public const string PlaceholderReason = "TODO: say why this fails (added by -UpdateExpectations)";

    public static readonly IReadOnlyList<ScenarioStatus> ListableStatuses = [ScenarioStatus.Fail, ScenarioStatus.Timeout, ScenarioStatus.Crash, ScenarioStatus.Error];

    private readonly Dictionary<string, KnownFailure> _byId;

    public string Path { get; }

    /// <summary>Where the pinned traces are: the list's path without <c>.txt</c>.</summary>
    public string TraceFolder { get; }

    /// <summary>Malformed lines, duplicates, old-form lines, placeholder reasons, missing or altered trace files.</summary>
    public IReadOnlyList<string> Problems { get; }
    public IReadOnlyCollection<KnownFailure> Entries => _byId.Values;

    private KnownFailureList(string path, Dictionary<string, KnownFailure> byId, IReadOnlyList<string> problems)
    {
        Path = path;
        TraceFolder = TraceFolderFor(path);
        _byId = byId;
        Problems = problems;
    }

    public static string TraceFolderFor(string listPath) =>
        listPath.EndsWith(".txt", StringComparison.Ordinal) ? listPath[..^4] : listPath + ".traces";

    /// <summary>The pinned trace file of <paramref name="scenarioId"/> (ids hold '/', so the file sits in sub-folders).</summary>
    public string TracePathOf(string scenarioId) => TracePath(TraceFolder, scenarioId);

    public static string TracePath(string traceFolder, string scenarioId) =>
        System.IO.Path.Combine(traceFolder, scenarioId.Replace('/', System.IO.Path.DirectorySeparatorChar) + ".trace.txt");

    public KnownFailure? Find(string scenarioId) => _byId.GetValueOrDefault(scenarioId);

    public string Where(KnownFailure entry) => $"{Path}:{entry.Line}";

    public static KnownFailureList Load(string path) =>
        File.Exists(path) ? Parse(path, File.ReadAllLines(path), checkTraceFiles: true) : new KnownFailureList(path, new(StringComparer.Ordinal), []);

    /// <param name="checkTraceFiles">Whether each FAIL digest must have its trace file, with that digest.</param>
    public static KnownFailureList Parse(string path, IEnumerable<string> lines, bool checkTraceFiles = false)
    {
        var byId = new Dictionary<string, KnownFailure>(StringComparer.Ordinal);
        var problems = new List<string>();
        var number = 0;
        foreach (var raw in lines)
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (ParseEntry(line, number, out var problem) is not { } entry)
            {
                problems.Add($"{path}:{number}: {problem}");
                continue;
            }
            if (!byId.TryAdd(entry.ScenarioId, entry))
            {
                problems.Add($"{path}:{number}: {entry.ScenarioId} is listed twice (first on line {byId[entry.ScenarioId].Line})");
                continue;
            }
            if (entry.Status is null)
                problems.Add($"{path}:{number}: {entry.ScenarioId} has no pinned status (the old \"<id> | <reason>\" form); re-pin with -UpdateExpectations (CONFORMANCE_UPDATE_EXPECTATIONS=1)");
            if (entry.HasPlaceholderReason)
                problems.Add($"{path}:{number}: {entry.ScenarioId} has the placeholder reason; write why it fails");
        }
        var list = new KnownFailureList(path, byId, problems);
        if (checkTraceFiles) problems.AddRange(list.TraceFileProblems());
        return list;
    }

    private IEnumerable<string> TraceFileProblems()
    {
        foreach (var entry in _byId.Values.Where(e => e.Digest is not null).OrderBy(e => e.Line))
        {
            var file = TracePathOf(entry.ScenarioId);
            if (!File.Exists(file))
                yield return $"{Where(entry)}: {entry.ScenarioId} pins trace {entry.Digest} but {file} is missing; re-pin with -UpdateExpectations";
            else if (TraceDigest.Of(Snapshots.TraceText.Read(file)) != entry.Digest)
                yield return $"{Where(entry)}: {file} does not have digest {entry.Digest} (edited by hand?); re-pin with -UpdateExpectations";
        }
    }

    private static KnownFailure? ParseEntry(string line, int number, out string problem)
    {
        problem = "";
        var fields = line.Split('|', 3);
        var id = fields[0].Trim();
        if (fields.Length == 2)
        {
            var oldReason = fields[1].Trim();
            if (id.Length > 0 && oldReason.Length > 0) return new KnownFailure(id, null, null, oldReason, number);
        }
        if (fields.Length != 3 || id.Length == 0 || fields[2].Trim().Length == 0)
        {
            problem = "write \"<scenario id> | <STATUS> [<digest>] | <reason>\"";
            return null;
        }
        var pin = fields[1].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var status = pin.Length > 0 ? ListableStatuses.Cast<ScenarioStatus?>().FirstOrDefault(s => s!.Value.Text() == pin[0]) : null;
        if (status is null || pin.Length > 2 || (pin.Length == 2 && (status != ScenarioStatus.Fail || !TraceDigest.IsDigest(pin[1]))))
        {
            problem = $"\"{fields[1].Trim()}\" is not FAIL <12 hex digits>, FAIL, TIMEOUT, CRASH or ERROR";
            return null;
        }
        return new KnownFailure(id, status, pin.Length == 2 ? pin[1] : null, fields[2].Trim(), number);
    }

    /// <summary>The line as the list writes it.</summary>
    public static string Render(KnownFailure entry) =>
        $"{entry.ScenarioId} | {entry.Status?.Text() ?? "FAIL"}{(entry.Digest is null ? "" : " " + entry.Digest)} | {entry.Reason}";
}
