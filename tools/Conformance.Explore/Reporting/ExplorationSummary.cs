using System.Text.Json;
using System.Text.Json.Serialization;

namespace Conformance.Explore.Reporting;

/// <summary>One divergence group in summary.json: <see cref="Scenario"/> is the feature file beside it.</summary>
public sealed record SummaryDivergence(string Signature, int Count, string Scenario, int FirstIndex);

/// <summary>An async source of the inventory a run touched (issue 19, item 4): how many of its programs reach it.</summary>
public sealed record SummarySource(string Module, string Path, int Programs);

/// <summary>
/// reports/&lt;target&gt;/explore/summary.json (issue 9, point 4). Everything but <see cref="ProgramsPerSecond"/> and
/// <see cref="WallSeconds"/> is the same for the same seed, count, shard and runtimes. <see cref="TruthFailures"/> counts
/// programs workerd itself did not complete (a generator defect: reported, never a divergence); <see cref="Errors"/>
/// counts target runs the harness could not make.
/// </summary>
public sealed record ExplorationSummary(
    long Seed,
    string Target,
    int Count,
    IReadOnlyList<string> Shards,
    int Programs,
    int DiscardedUnstable,
    int Timeouts,
    int Crashes,
    int Errors,
    int TruthFailures,
    IReadOnlyList<SummaryDivergence> Divergences,
    double ProgramsPerSecond,
    double WallSeconds)
{
    /// <summary>Indexes of the programs that timed out or crashed on the target.</summary>
    public IReadOnlyList<int> NotCompleted { get; init; } = [];

    /// <summary>The inventory's async sources the programs reach, by module and path, each with its count of programs.</summary>
    public IReadOnlyList<SummarySource> Sources { get; init; } = [];

    /// <summary>The sources of <paramref name="programs"/>, counted once a program, ordered by module and path.</summary>
    public static IReadOnlyList<SummarySource> SourcesOf(IEnumerable<Generation.ExploredProgram> programs) =>
        [.. programs.SelectMany(p => p.Nodes.Where(n => n.Recipe is not null).SelectMany(n => n.Recipe!.Sources.Select(s => (n.Recipe.Module, Path: s))).Distinct())
            .GroupBy(s => s).Select(g => new SummarySource(g.Key.Module, g.Key.Path, g.Count()))
            .OrderBy(s => s.Module, StringComparer.Ordinal).ThenBy(s => s.Path, StringComparer.Ordinal)];

    public const string FileName = "summary.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public void Save(string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, FileName), JsonSerializer.Serialize(this, Json) + "\n");
    }

    public static ExplorationSummary Load(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path)) throw new FileNotFoundException($"no {FileName} in {directory}: is it an exploration report?", path);
        return JsonSerializer.Deserialize<ExplorationSummary>(File.ReadAllText(path), Json)
            ?? throw new InvalidDataException($"{path} is empty");
    }

    /// <summary>The console lines: counts, then one line per divergence group.</summary>
    public IEnumerable<string> ConsoleLines()
    {
        yield return $"explore: {Target} seed {Seed}{(Shards.Count > 0 ? " shard " + string.Join(",", Shards) : "")}: {Programs} programs, "
            + $"{Divergences.Count} divergence signature(s) ({Divergences.Sum(d => d.Count)} programs), {DiscardedUnstable} unstable on workerd, "
            + $"{Timeouts} timeouts, {Crashes} crashes, {Errors} errors, {TruthFailures} failed on workerd; {ProgramsPerSecond} programs/s, {WallSeconds} s";
        if (Sources.Count > 0)
            yield return $"  {Sources.Count} async source(s) of the inventory touched in {Sources.Select(s => s.Module).Distinct().Count()} module(s): "
                + string.Join(", ", Sources.GroupBy(s => s.Module).Select(g => $"{g.Key} {g.Count()}"));
        if (NotCompleted.Count > 0) yield return $"  timed out or crashed: programs {string.Join(", ", NotCompleted)}";
        foreach (var d in Divergences)
            yield return $"  {d.Count,4} × {d.Signature}  ({d.Scenario})";
    }
}
