namespace Conformance.Harness.Snapshots;

/// <summary>Who produced a verified snapshot: the runtime (a target name), its version and the compatibility date it ran with.</summary>
public sealed record SnapshotOrigin(string Runtime, string Version, string CompatibilityDate);

/// <summary>
/// <c>features/snapshots.provenance.tsv</c> (spec/trace-format.md, "Snapshots"): one row per verified file, kept beside the
/// snapshots and never inside them, saying which runtime, at which version and compatibility date, produced it. Rows are
/// sorted by path and hold no timestamps, so an accept that changes nothing leaves the file byte for byte the same.
/// Every row should say workerd (the ground truth); a test in Harness.Tests/Snapshots checks the repository's manifest.
/// </summary>
public sealed class ProvenanceManifest
{
    public const string FileName = "snapshots.provenance.tsv";
    public const string Header = "# verified file (under features/)\truntime\tversion\tcompatibility date";

    private readonly SortedDictionary<string, SnapshotOrigin> _rows = new(StringComparer.Ordinal);
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
        if (!File.Exists(path)) return manifest;
        var lineNumber = 0;
        foreach (var raw in File.ReadAllLines(path))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var fields = line.Split('\t');
            if (fields.Length != 4 || fields.Any(f => f.Trim().Length == 0))
                problems.Add($"{path}:{lineNumber}: expected 4 tab-separated fields (path, runtime, version, compatibility date), got \"{line}\"");
            else if (!manifest._rows.TryAdd(fields[0], new SnapshotOrigin(fields[1], fields[2], fields[3])))
                problems.Add($"{path}:{lineNumber}: {fields[0]} is listed twice");
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
            File.WriteAllText(Path, Render());
        }
    }

    private string Render() =>
        string.Concat(_rows.Select(row => $"{row.Key}\t{row.Value.Runtime}\t{row.Value.Version}\t{row.Value.CompatibilityDate}\n")
            .Prepend(Header + "\n"));
}
