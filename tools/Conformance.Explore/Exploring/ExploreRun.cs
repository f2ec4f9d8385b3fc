using Conformance.Explore.Generation;
using Conformance.Explore.Reporting;
using Conformance.Harness.Execution;
using Conformance.Harness.Targets;

namespace Conformance.Explore.Exploring;

/// <summary>What one exploration is asked to do (the command line, run-conformance.ps1 -Explore, or the CI gate).</summary>
public sealed record ExploreRequest(string Target, int Count, long Seed, ShardSpec? Shard, string ReportRoot, TimeSpan Timeout, int? Parallelism);

/// <summary>Makes the targets (truth: workerd), runs the exploration, writes its report folder, and returns the summary.</summary>
public static class ExploreRun
{
    public const string TruthName = "workerd";

    /// <summary>reports/&lt;target&gt;/explore, or its shard-i-of-n subfolder for a shard.</summary>
    public static string ReportDirectory(string reportRoot, string target, ShardSpec? shard) =>
        shard is null
            ? Path.Combine(reportRoot, target, "explore")
            : Path.Combine(reportRoot, target, "explore", $"shard-{shard.Index}-of-{shard.Count}");

    public static async Task<ExplorationSummary> RunAsync(ExploreRequest request, string repositoryRoot, TextWriter log)
    {
        var truth = Create(TruthName, repositoryRoot, request.Parallelism);
        var target = Create(request.Target, repositoryRoot, request.Parallelism);
        foreach (var t in new[] { truth, target })
        {
            var problem = await t.CheckAvailabilityAsync(CancellationToken.None).ConfigureAwait(false);
            if (problem is not null) throw new InvalidOperationException($"target {t.Name} is unavailable: {problem}");
        }
        log.WriteLine($"explore: {request.Count} programs, seed {request.Seed}{(request.Shard is null ? "" : " shard " + request.Shard)}, {target.Name} against {truth.Name}");
        var result = await new Explorer(truth, target, request.Timeout, new ProgramGenerator(Sources.SourceCatalog.Load(repositoryRoot)), request.Parallelism)
            .ExploreAsync(request.Seed, request.Count, request.Shard).ConfigureAwait(false);
        return Write(result, ReportDirectory(request.ReportRoot, request.Target, request.Shard));
    }

    /// <summary>Writes every group's scenario files and summary.json into <paramref name="directory"/>, replacing an earlier report there.</summary>
    public static ExplorationSummary Write(ExplorationResult result, string directory)
    {
        if (Directory.Exists(directory))
        {
            foreach (var old in Directory.EnumerateFiles(directory).Where(f => f.EndsWith(".feature", StringComparison.Ordinal)
                || f.EndsWith(".txt", StringComparison.Ordinal) || Path.GetFileName(f) == ExplorationSummary.FileName))
                File.Delete(old);
        }
        if (result.Groups.Count != result.Summary.Divergences.Count)
            throw new InvalidOperationException($"the summary names {result.Summary.Divergences.Count} divergence(s) but the result holds {result.Groups.Count} group(s)");
        foreach (var (group, named) in result.Groups.Zip(result.Summary.Divergences))
        {
            var written = ScenarioFiles.Write(directory, group, result.Summary.Target);
            if (written != named.Scenario) throw new InvalidOperationException($"the summary names {named.Scenario} for {group.Signature}, but {written} was written");
        }
        result.Summary.Save(directory);
        return result.Summary;
    }

    private static ITarget Create(string name, string repositoryRoot, int? parallelism) =>
        TargetFactory.TryCreate(name, repositoryRoot, parallelism, out var problem)
        ?? throw new ArgumentException(problem ?? $"unknown target {name}");
}
