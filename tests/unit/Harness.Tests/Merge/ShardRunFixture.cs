using Conformance.Harness.Execution;
using Conformance.Harness.Features;
using Conformance.Harness.Requirements;
using Conformance.Harness.Scenarios;

namespace Harness.Tests.Merge;

/// <summary>
/// One small selection of the repository's features (the first <see cref="SelectionSize"/> rows of the first feature whose document order is not its key order) run on the reference
/// target once whole and once as three shards (CONFORMANCE_SHARD 1/3, 2/3, 3/3: rows of other shards are skipped without a
/// result, as Conformance.Specs skips them), each into its own report folder under a temporary root (issue 21, item 2).
/// </summary>
public sealed class ShardRunFixture : IAsyncLifetime
{
    public const int SelectionSize = 10;
    public const int Shards = 3;
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "shard-merge-" + Guid.NewGuid().ToString("N"));
    public string Whole => Path.Combine(Root, "whole", "reference");
    public string ShardFolder(int index) => Path.Combine(Root, $"shard-{index}", "reference");
    public IReadOnlyList<string> ShardFolders => [.. Enumerable.Range(1, Shards).Select(ShardFolder)];
    public IReadOnlyList<ScenarioEntry> Selection { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        var repository = RepositoryRoot.Find();
        var spec = RequirementCatalog.Load(repository);
        var catalog = FeatureCatalog.Load(Path.Combine(repository, "features"), spec.IdSet);
        // Rows of several features, in catalog order (as ScenarioOrderer runs them), whose key order differs from it.
        Selection = [.. catalog.Entries.GroupBy(e => e.Feature).Select(g => g.Take(SelectionSize).ToArray())
            .First(rows => rows.Length == SelectionSize && !rows.Select(e => e.Key).SequenceEqual(rows.Select(e => e.Key).Order(StringComparer.Ordinal)))];
        Assert.NotEqual(Selection.Select(e => e.Key), Selection.Select(e => e.Key).Order(StringComparer.Ordinal));
        await RunAsync(catalog, Whole, shard: null);
        for (var i = 1; i <= Shards; i++) await RunAsync(catalog, ShardFolder(i), $"{i}/{Shards}");
    }

    private async Task RunAsync(FeatureCatalog catalog, string reportDirectory, string? shard)
    {
        var settings = ConformanceSettings.From(name => name switch
        {
            ConformanceSettings.TargetVariable => "reference",
            ConformanceSettings.ReportDirVariable => reportDirectory,
            ConformanceSettings.ShardVariable => shard,
            _ => null,
        }, RepositoryRoot.Find());
        await using var run = new ConformanceRun(settings, catalog: catalog);
        Assert.Empty(run.Problems);
        run.Prefetch(Selection.Select(e => e.Key));
        foreach (var entry in Selection.Where(run.InShard)) run.Record(entry, await run.OutcomeAsync(entry));
        run.WriteSummary();
    }

    public ValueTask DisposeAsync()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
        return ValueTask.CompletedTask;
    }
}
