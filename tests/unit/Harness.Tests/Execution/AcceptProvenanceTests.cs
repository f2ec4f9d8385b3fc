using Conformance.Harness.Execution;
using Conformance.Harness.Scenarios;
using Conformance.Harness.Snapshots;
using Conformance.Harness.Targets;

namespace Harness.Tests.Execution;

/// <summary>An accepting run records the target, its version and the scenario's compatibility date for each verified file.</summary>
public sealed class AcceptProvenanceTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _features;

    public AcceptProvenanceTests() => _features = Fixtures.CopyFeaturesTo(_temp);

    public void Dispose() => _temp.Dispose();

    private sealed class VersionedTarget(string name, string? version) : ITarget, IVersionedTarget
    {
        public string Name => name;
        public int MaxParallelism => 1;
        public Task<string?> CheckAvailabilityAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);
        public Task<string?> ReadVersionAsync(CancellationToken cancellationToken) => Task.FromResult(version);
        public Task<TargetRun> RunAsync(ScenarioProgram program, TimeSpan timeout, CancellationToken cancellationToken) =>
            Task.FromResult(FakeTarget.Completed("response #0: 200 /0", "response #1: 200 /1", "response #2: 200 /2", "end", ExitLine.Ok));
    }

    private ConformanceRun Create(ITarget target) => new(ConformanceSettings.From(
        name => name switch
        {
            ConformanceSettings.TargetVariable => target.Name,
            ConformanceSettings.AcceptVariable => "1",
            ConformanceSettings.FeaturesVariable => _features,
            ConformanceSettings.ReportDirVariable => _temp.File("report"),
            _ => null,
        }, _temp.Path), _ => (target, null));

    [Fact]
    public async Task A_workerd_accept_records_its_version_and_the_scenarios_compatibility_date()
    {
        await using var run = Create(new VersionedTarget("workerd", "workerd 2026-11-17"));
        Assert.Empty(run.Problems);
        var entry = run.Catalog.Find("basics/run/the-store-is-visible-inside-a-request")!;

        var outcome = await run.ExecuteAsync(entry);

        Assert.Equal(ScenarioStatus.Pass, outcome.Status);
        var row = ProvenanceManifest.Load(ProvenanceManifest.PathUnder(_features)).Rows["basics/run.the-store-is-visible-inside-a-request.verified.txt"];
        Assert.Equal(new SnapshotOrigin("workerd", "workerd 2026-11-17", "2025-06-15"), row);
    }

    [Fact]
    public async Task Accept_from_workerd_whose_version_cannot_be_read_is_an_error_and_writes_nothing()
    {
        await using var run = Create(new VersionedTarget("workerd", null));
        var entry = run.Catalog.Find("basics/run/the-store-is-visible-inside-a-request")!;

        var outcome = await run.ExecuteAsync(entry);

        Assert.Equal(ScenarioStatus.Error, outcome.Status);
        Assert.Contains("version of workerd could not be read", outcome.Detail);
        Assert.False(File.Exists(ProvenanceManifest.PathUnder(_features)));
    }

    [Fact]
    public async Task Accept_from_another_target_without_the_override_makes_every_row_an_error()
    {
        await using var run = Create(new VersionedTarget("node", "v20"));
        var outcome = await run.PreCheckAsync(run.Catalog.Entries.First(e => e.Problem is null));
        Assert.Equal(ScenarioStatus.Error, outcome?.Status);
        Assert.Contains("-AcceptFrom node", outcome?.Detail);
    }
}
