namespace Conformance.Harness.Snapshots;

/// <summary>Who produced a verified snapshot: the runtime (a target name), its version and the compatibility date it ran with.</summary>
public sealed record SnapshotOrigin(string Runtime, string Version, string CompatibilityDate);

/// <summary>
/// <c>features/snapshots.provenance.tsv</c> (spec/trace-format.md, "Snapshots"): one row per verified file, kept beside the
/// snapshots and never inside them, saying which runtime, at which version and compatibility date, produced it. Rows hold no
/// timestamps, and an accept changes only the rows it records (issue 18, item 6): a row is rewritten in place, a new one is
/// inserted before the first row that sorts after it, every other line stays as it was (an accept that changes nothing leaves the file byte for byte the same).
/// Every row should say workerd (the ground truth); a test in Harness.Tests/Snapshots checks the repository's manifest.
/// </summary>
public sealed class ProvenanceManifest
{
    public const string FileName = "snapshots.provenance.tsv";
    public const string Header = "# verified file (under features/)\truntime\tversion\tcompatibility date";

    private readonly Dictionary<string, SnapshotOrigin> _rows = new(StringComparer.Ordinal);
    /// <summary>The file's lines as read, and where each row's line is: what a record rewrites.</summary>
    private readonly List<string> _lines = [];
    private readonly Dictionary<string, int> _lineOf = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public string Path { get; }

    /// <summary>Lines that could not be read; a store must not rewrite a manifest it could not read whole.</summary>
    public IReadOnlyList<string> Problems { get; }

    private ProvenanceManifest(string path, IReadOnlyList<string> problems)
    {
        Path = path;
        Problems = problems;
    }

    public static string PathUnder(string featuresRoot) => System.IO.Path.Combine(featuresRoot, FileName);

    /// <summary>Reads the manifest at <paramref name="path"/> (an absent file is an empty manifest).</summary>
    public static ProvenanceManifest Load(string path)
    {
        var problems = new List<string>();
        var manifest = new ProvenanceManifest(path, problems);
        if (!File.Exists(path))
        {
            manifest._lines.Add(Header);
            return manifest;
        }
        var lineNumber = 0;
        foreach (var raw in File.ReadAllLines(path))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            manifest._lines.Add(line);
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var fields = line.Split('\t');
            if (fields.Length != 4 || fields.Any(f => f.Trim().Length == 0))
                problems.Add($"{path}:{lineNumber}: expected 4 tab-separated fields (path, runtime, version, compatibility date), got \"{line}\"");
            else if (!manifest._rows.TryAdd(fields[0], new SnapshotOrigin(fields[1], fields[2], fields[3])))
                problems.Add($"{path}:{lineNumber}: {fields[0]} is listed twice");
            else manifest._lineOf[fields[0]] = lineNumber - 1;
        }
        return manifest;
    }

    public IReadOnlyDictionary<string, SnapshotOrigin> Rows
    {
        get { lock (_gate) return new Dictionary<string, SnapshotOrigin>(_rows, StringComparer.Ordinal); }
    }

    /// <summary>Sets the row of <paramref name="relativePath"/> and writes the manifest at once (a run stopped later loses nothing).</summary>
    public void Record(string relativePath, SnapshotOrigin origin)
    {
        if (Problems.Count > 0) throw new InvalidDataException($"{Path} is malformed, not rewriting it: {string.Join("; ", Problems)}");
        foreach (var field in new[] { relativePath, origin.Runtime, origin.Version, origin.CompatibilityDate })
            if (field.Length == 0 || field.Any(c => c is '\t' or '\n' or '\r'))
                throw new ArgumentException($"a provenance field may not be empty or hold a tab or a line break: \"{field}\"");
        lock (_gate)
        {
            if (_rows.TryGetValue(relativePath, out var existing) && existing == origin) return;
            _rows[relativePath] = origin;
            var line = $"{relativePath}\t{origin.Runtime}\t{origin.Version}\t{origin.CompatibilityDate}";
            if (_lineOf.TryGetValue(relativePath, out var index)) _lines[index] = line;
            else
            {
                // Before the first row that sorts after it (a sorted file stays sorted), else at the end; nothing else moves.
                var at = _lineOf.Where(row => string.CompareOrdinal(row.Key, relativePath) > 0).Select(row => row.Value).DefaultIfEmpty(_lines.Count).Min();
                foreach (var key in _lineOf.Where(row => row.Value >= at).Select(row => row.Key).ToList()) _lineOf[key]++;
                _lineOf[relativePath] = at;
                _lines.Insert(at, line);
            }
            File.WriteAllText(Path, string.Concat(_lines.Select(l => l + "\n")));
        }
    }
}
