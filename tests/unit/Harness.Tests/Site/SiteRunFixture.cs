using System.Diagnostics;
using Conformance.Harness.Execution;
using Conformance.Harness.Expectations;
using Conformance.Harness.Features;
using Conformance.Harness.Requirements;
using Conformance.Harness.Scenarios;

namespace Harness.Tests.Site;

/// <summary>
/// A small real run, then the site over it: the repository's spec and features, the reference target and the pinned Node 20
/// (<c>node</c>) on a selection chosen from the data, not named here: every row of the feature holding the first FAIL that
/// targets/expectations/node.txt pins (so node really fails it, with a diff, as a listed known failure), plus the first row of
/// the first propagation-matrix outline, and the first Durable Object row of features/boundaries/ (issue 20, item 5). The site is written by the report tool's own verb (<c>site --out</c>) into
/// <c>reports/site-test/</c>, kept with the reports beside the browser test's screenshot.
/// </summary>
public sealed class SiteRunFixture : IAsyncLifetime
{
    public string Root { get; } = RepositoryRoot.Find();
    public string SiteRoot => Path.Combine(Root, "reports", "site-test");
    public string Index => Path.Combine(SiteRoot, "index.html");
    public RequirementCatalog Spec { get; private set; } = null!;
    public FeatureCatalog Catalog { get; private set; } = null!;
    /// <summary>node's listed known failure: the row and its list entry.</summary>
    public (ScenarioEntry Entry, KnownFailure Listed) NodeFailure { get; private set; }
    public IReadOnlyList<ScenarioEntry> Selection { get; private set; } = [];
    /// <summary>The first row of features/boundaries/ that declares a Durable Object: the reference runs it, node lacks the capability.</summary>
    public ScenarioEntry BoundaryRow { get; private set; } = null!;
    public string SiteOutput { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        Spec = RequirementCatalog.Load(Root);
        Catalog = FeatureCatalog.Load(Path.Combine(Root, "features"), Spec.IdSet);
        var nodeList = KnownFailureList.Load(Path.Combine(Root, "targets", "expectations", "node.txt"));
        var listed = nodeList.Entries.OrderBy(e => e.Line)
            .First(e => e.Status == ScenarioStatus.Fail && e.Digest is not null && Catalog.Entries.Any(x => x.Id == e.ScenarioId));
        var failing = Catalog.Entries.First(e => e.Id == listed.ScenarioId);
        NodeFailure = (failing, listed);
        var matrixRow = Catalog.Entries.First(e => e.Pickle?.AstNodeIds.Count > 1 && e.Feature.RelativePath.StartsWith("matrix/", StringComparison.Ordinal));
        BoundaryRow = Catalog.Entries.First(e => e.Feature.RelativePath.StartsWith("boundaries/", StringComparison.Ordinal)
            && e.Pickle?.Steps.Any(s => s.Text.StartsWith("the Durable Object class", StringComparison.Ordinal)) == true);
        Selection = [.. Catalog.Entries.Where(e => e.Feature == failing.Feature).Take(8).Append(failing).Append(BoundaryRow).Append(matrixRow).Distinct()];

        if (Directory.Exists(SiteRoot)) Directory.Delete(SiteRoot, recursive: true);
        foreach (var target in new[] { "reference", "node" }) await RunAsync(target);
        SiteOutput = await WriteSiteAsync();
    }

    private async Task RunAsync(string target)
    {
        var settings = ConformanceSettings.From(name => name switch
        {
            ConformanceSettings.TargetVariable => target,
            ConformanceSettings.ReportDirVariable => Path.Combine(SiteRoot, target),
            _ => null,
        }, Root);
        await using var run = new ConformanceRun(settings, catalog: Catalog);
        Assert.Empty(run.Problems);
        run.Prefetch(Selection.Select(e => e.Key));
        foreach (var entry in Selection)
        {
            var outcome = await run.OutcomeAsync(entry);
            run.Record(entry, outcome);
        }
        run.WriteSummary();
    }

    private async Task<string> WriteSiteAsync()
    {
        var dll = BuiltProjects.Cli;
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { dll, "site", "--out", SiteRoot, Path.Combine(SiteRoot, "reference"), Path.Combine(SiteRoot, "node") })
            info.ArgumentList.Add(argument);
        using var process = System.Diagnostics.Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var text = await output + await error;
        Assert.True(process.ExitCode == 0, $"site exited {process.ExitCode}:\n{text}");
        return text;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>The site tests share one run and one site (<see cref="SiteRunFixture"/>), made once.</summary>
[CollectionDefinition(Name)]
public sealed class SiteCollection : ICollectionFixture<SiteRunFixture>
{
    public const string Name = "living-documentation site";
}
