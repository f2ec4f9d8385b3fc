using Conformance.Explore.Exploring;
using Conformance.Harness.Scenarios;

namespace Explore.Gate;

/// <summary>
/// CI (issue 9, point 5): a bounded exploration of the reference against workerd, fixed seed. Fails on any divergence that
/// targets/expectations/explore-reference.txt does not list with its reason, and on any timeout, crash or harness error.
/// CONFORMANCE_EXPLORE_COUNT / CONFORMANCE_EXPLORE_SEED override the bound and the seed.
/// </summary>
public sealed class BoundedExplorationTests
{
    private const int DefaultCount = 200;
    private const long DefaultSeed = 20261201;

    [Fact]
    public async Task The_reference_agrees_with_workerd_on_a_bounded_exploration()
    {
        var root = RepositoryRoot.Find();
        var count = int.TryParse(Environment.GetEnvironmentVariable("CONFORMANCE_EXPLORE_COUNT"), out var c) ? c : DefaultCount;
        var seed = long.TryParse(Environment.GetEnvironmentVariable("CONFORMANCE_EXPLORE_SEED"), out var s) ? s : DefaultSeed;
        // 60 s a program: generous, since on a loaded machine the reference once took 18 s for one program.
        var request = new ExploreRequest("reference", count, seed, null, Path.Combine(root, "reports"), TimeSpan.FromSeconds(60), null);
        var log = new StringWriter();
        var summary = await ExploreRun.RunAsync(request, root, log);
        var expected = ExpectedDivergences.Load(Path.Combine(root, "targets", "expectations", "explore-reference.txt"));
        var problems = ExplorationGate.Problems(summary, expected);
        var report = string.Join("\n", summary.ConsoleLines());
        TestContext.Current.SendDiagnosticMessage(report);
        Assert.True(problems.Count == 0, $"{string.Join("\n", problems)}\n{report}\nreport: reports/reference/explore/");
    }
}
