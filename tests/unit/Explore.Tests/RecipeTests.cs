using Conformance.Explore.Exploring;
using Conformance.Explore.Generation;
using Conformance.Explore.Sources;
using Conformance.Harness.Execution;
using Conformance.Harness.Scenarios;
using Conformance.Harness.Targets;

namespace Explore.Tests;

/// <summary>
/// The recipes of tools/Conformance.Explore/Sources/recipes.json (issue 19, item 4) run on workerd, the truth: each program
/// reaches its end, twice with the same trace (deterministic), in the default placements and in the most different ones.
/// </summary>
public sealed class RecipeTests
{
    [Fact]
    public async Task Every_recipe_runs_to_its_end_on_workerd_with_the_same_trace_twice()
    {
        var root = RepositoryRoot.Find();
        var catalog = SourceCatalog.Load(root);
        var workerd = TargetFactory.TryCreate("workerd", root, null, out var problem) ?? throw new InvalidOperationException(problem);
        Assert.Null(await workerd.CheckAvailabilityAsync(TestContext.Current.CancellationToken));
        var programs = catalog.Recipes.SelectMany((r, i) => new[] { RecipePrograms.For(r, 2 * i), RecipePrograms.For(r, 2 * i + 1, RecipePrograms.Other(r)) }).ToList();
        var scenarios = programs.Select(p => ProgramRenderer.ToScenarioProgram(p)).ToList();
        await using var executor = new ScenarioExecutor(workerd, TimeSpan.FromSeconds(30));
        var first = await executor.RunAllAsync(scenarios);
        var again = await executor.RunAllAsync([.. scenarios.Select(s => s with { Id = s.Id + "-again" })]);
        var problems = new List<string>();
        for (var i = 0; i < programs.Count; i++)
        {
            var node = programs[i].Nodes.First();
            var name = $"{node.Recipe!.Name} [{string.Join(" ", node.Placements)}]";
            if (first[i].Status != RunStatus.Completed || !Explorer.ReachedEnd(first[i].Trace) || !first[i].Trace.Any(l => l.StartsWith("log: \"L2\"", StringComparison.Ordinal)))
                problems.Add($"{name}: {first[i].Status} {first[i].Detail}\n  {string.Join("\n  ", first[i].Trace)}\n{scenarios[i].Source}");
            else if (!first[i].Trace.SequenceEqual(again[i].Trace, StringComparer.Ordinal))
                problems.Add($"{name}: two runs differ\n  {string.Join("\n  ", first[i].Trace)}\n  --\n  {string.Join("\n  ", again[i].Trace)}");
        }
        Assert.True(problems.Count == 0, string.Join("\n\n", problems));
    }
}
