using Conformance.Harness.Execution;
using Conformance.Harness.Features;
using Conformance.Harness.Requirements;
using Conformance.Harness.Scenarios;
using Conformance.Specs.Reqnroll;
using global::Reqnroll;

namespace Conformance.Specs.Session;

/// <summary>
/// The one conformance run of this test process, created on first use from the environment (<see cref="ConformanceSettings"/>).
/// Discovery only needs the catalog, so listing tests never touches the report folder.
/// </summary>
public static class ConformanceSession
{
    private static readonly Lazy<ConformanceSettings> LazySettings = new(() => ConformanceSettings.FromEnvironment(RepositoryRoot.Find()));
    private static readonly Lazy<FeatureCatalog> LazyCatalog = new(() => FeatureCatalog.Load(LazySettings.Value.FeaturesRoot,
        RequirementCatalog.TryLoad(LazySettings.Value.RepositoryRoot)?.IdSet));
    private static readonly Lazy<ConformanceRun> LazyRun = new(CreateRun);
    private static readonly SemaphoreSlim ReqnrollStart = new(1, 1);
    private static bool _reqnrollStarted;

    public static ConformanceSettings Settings => LazySettings.Value;
    public static FeatureCatalog Catalog => LazyCatalog.Value;
    public static ConformanceRun Run => LazyRun.Value;
    public static bool RunCreated => LazyRun.IsValueCreated;

    /// <summary>The test assembly: Reqnroll's binding assembly and test-run owner.</summary>
    public static System.Reflection.Assembly Assembly => typeof(ConformanceSession).Assembly;

    private static ConformanceRun CreateRun()
    {
        ReqnrollReportLocation.Apply(Settings.ReportDirectory);
        return new ConformanceRun(Settings, catalog: Catalog);
    }

    /// <summary>Starts Reqnroll's test run once (before-test-run hooks, formatters).</summary>
    public static async Task EnsureReqnrollStartedAsync()
    {
        if (_reqnrollStarted) return;
        await ReqnrollStart.WaitAsync();
        try
        {
            if (_reqnrollStarted) return;
            _ = Run; // the report location must be set before Reqnroll reads its formatter configuration
            await TestRunnerManager.OnTestRunStartAsync(Assembly);
            _reqnrollStarted = true;
        }
        finally
        {
            ReqnrollStart.Release();
        }
    }

    /// <summary>Ends the run: the features still open, Reqnroll's test run (writes the HTML and NDJSON reports), summary.md.</summary>
    public static async Task FinishAsync()
    {
        if (!RunCreated) return;
        try
        {
            if (_reqnrollStarted)
            {
                foreach (var feature in ReqnrollModel.Started)
                    await TestRunnerManager.ReleaseFeatureAsync(feature, Assembly);
                await TestRunnerManager.OnTestRunEndAsync(Assembly);
            }
        }
        finally
        {
            Run.WriteSummary();
            await Run.DisposeAsync();
        }
    }
}
