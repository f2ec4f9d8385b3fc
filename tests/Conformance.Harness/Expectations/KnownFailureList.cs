namespace Conformance.Harness.Expectations;

/// <summary>One line of a known-failure list: the scenario id, why it fails, and where the line is.</summary>
public sealed record KnownFailure(string ScenarioId, string Reason, int Line);

/// <summary>
/// A target's known failures, <c>targets/expectations/&lt;target&gt;.txt</c>: one <c>&lt;scenario id&gt; | &lt;reason&gt;</c>
/// per line; <c>#</c> starts a comment; blank lines are ignored. A missing file is an empty list.
/// </summary>
public sealed class KnownFailureList
{
    private readonly Dictionary<string, KnownFailure> _byId;

    public string Path { get; }
    public IReadOnlyList<string> Problems { get; }
    public IReadOnlyCollection<KnownFailure> Entries => _byId.Values;

    private KnownFailureList(string path, Dictionary<string, KnownFailure> byId, IReadOnlyList<string> problems)
    {
        Path = path;
        _byId = byId;
        Problems = problems;
    }

    public KnownFailure? Find(string scenarioId) => _byId.GetValueOrDefault(scenarioId);

    public static KnownFailureList Load(string path) =>
        File.Exists(path) ? Parse(path, File.ReadAllLines(path)) : new KnownFailureList(path, new(StringComparer.Ordinal), []);

    public static KnownFailureList Parse(string path, IEnumerable<string> lines)
    {
        var byId = new Dictionary<string, KnownFailure>(StringComparer.Ordinal);
        var problems = new List<string>();
        var number = 0;
        foreach (var raw in lines)
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var bar = line.IndexOf('|');
            var id = (bar < 0 ? line : line[..bar]).Trim();
            var reason = bar < 0 ? "" : line[(bar + 1)..].Trim();
            if (id.Length == 0 || reason.Length == 0)
            {
                problems.Add($"{path}:{number}: write \"<scenario id> | <reason>\"");
                continue;
            }
            if (!byId.TryAdd(id, new KnownFailure(id, reason, number)))
                problems.Add($"{path}:{number}: {id} is listed twice (first on line {byId[id].Line})");
        }
        return new KnownFailureList(path, byId, problems);
    }
}
