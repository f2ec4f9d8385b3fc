using Conformance.Explore.Exploring;
using Conformance.Explore.Generation;
using Conformance.Explore.Reporting;
using Conformance.Explore.Sources;
using Conformance.Harness.Execution;
using Conformance.Harness.Scenarios;
using Conformance.Inventory.Model;

namespace Explore.Tests;

/// <summary>Programs drawn from the inventory's async sources (issue 19, item 4).</summary>
public sealed class SourceGenerationTests
{
    private static readonly SourceCatalog Catalog = SourceCatalog.Load(RepositoryRoot.Find());

    [Fact]
    public void A_seed_reaches_sources_of_the_inventory_beyond_the_fixed_vocabulary()
    {
        var generator = new ProgramGenerator(Catalog);
        var touched = ExplorationSummary.SourcesOf(Enumerable.Range(0, 200).Select(i => generator.Generate(1, i)));
        var modules = touched.Select(s => s.Module).ToHashSet();
        // The fixed vocabulary had only globals (timers, then, listeners, ...): these modules come from the inventory.
        foreach (var module in new[] { "node:events", "node:stream", "node:diagnostics_channel", "node:timers/promises", "node:fs" })
            Assert.Contains(module, modules);
        Assert.Contains(touched, s => s is { Module: "globals", Path: "ReadableStreamDefaultReader.prototype.read" });
        Assert.True(touched.Count >= 60, $"200 programs of seed 1 touch only {touched.Count} sources");
    }

    [Fact]
    public void Over_enough_programs_every_recipe_appears_in_every_placement_of_its_steps()
    {
        var generator = new ProgramGenerator(Catalog);
        var seen = new HashSet<(string, int, Placement)>();
        foreach (var node in Enumerable.Range(0, 6000).SelectMany(i => generator.Generate(4, i).Nodes).Where(n => n.Recipe is not null))
            foreach (var (placement, step) in node.Placements.Select((p, i) => (p, i))) seen.Add((node.Recipe!.Name, step, placement));
        var missing = Catalog.Recipes.SelectMany(r => r.Steps.SelectMany((_, step) =>
                new[] { Placement.Own, Placement.Enclosing, Placement.Exit }.Concat(step == 0 && r.CanCreateAtTopLevel ? [Placement.TopLevel] : [])
                    .Where(p => !seen.Contains((r.Name, step, p))).Select(p => $"{r.Name} step {step + 1} {p}")))
            .ToList();
        Assert.True(missing.Count == 0, "never generated: " + string.Join(", ", missing));
        Assert.DoesNotContain(seen, s => s.Item3 == Placement.TopLevel && !Catalog.Recipes.First(r => r.Name == s.Item1).CanCreateAtTopLevel);
    }

    [Fact]
    public async Task An_index_gives_the_same_program_in_a_shard_as_in_a_whole_run()
    {
        var whole = ScriptedTarget.Truth();
        var wholeSummary = (await new Explorer(whole, ScriptedTarget.Truth(), TimeSpan.FromSeconds(5), new ProgramGenerator(Catalog)).ExploreAsync(9, 45)).Summary;
        var shards = new List<ExplorationSummary>();
        var sharded = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 1; i <= 3; i++)
        {
            var truth = ScriptedTarget.Truth();
            shards.Add((await new Explorer(truth, ScriptedTarget.Truth(), TimeSpan.FromSeconds(5), new ProgramGenerator(Catalog)).ExploreAsync(9, 45, new ShardSpec(i, 3))).Summary);
            sharded.UnionWith(truth.Runs.Keys);
        }
        Assert.Equal(whole.Runs.Keys.Order(StringComparer.Ordinal), sharded.Order(StringComparer.Ordinal));
        Assert.Contains(sharded, source => source.Contains("import * as node_", StringComparison.Ordinal));
        // summary.json's sources: the shards' counts add up to the whole run's.
        Assert.NotEmpty(wholeSummary.Sources);
        var summed = shards.SelectMany(s => s.Sources).GroupBy(s => (s.Module, s.Path)).ToDictionary(g => g.Key, g => g.Sum(s => s.Programs));
        Assert.Equal(wholeSummary.Sources.ToDictionary(s => (s.Module, s.Path), s => s.Programs), summed);
    }

    [Fact]
    public void Each_placement_gives_its_step_a_frame_of_its_own_the_enclosing_frame_none_or_the_top_level()
    {
        var recipe = Catalog.Recipes.First(r => r.Name == "node:events EventEmitter.prototype.addListener");
        var own = ProgramRenderer.Render(RecipePrograms.For(recipe, 0).Operations);
        Assert.Contains("als.run('create1', () => { o1 = new node_events.EventEmitter(); });", own);
        Assert.Contains("als.run('register1', () => { o1.addListener('go', cb1); });", own);
        Assert.Contains("als.run('trigger1', () => { o1.emit('go'); });", own);
        Assert.Contains("import * as node_events from 'node:events';", own);
        var other = ProgramRenderer.Render(RecipePrograms.For(recipe, 0, [Placement.TopLevel, Placement.Enclosing, Placement.Exit]).Operations);
        Assert.Contains("\nals.run('module1', () => { o1 = new node_events.EventEmitter(); });\n", other);
        Assert.Contains("\n      o1.addListener('go', cb1);\n", other);
        Assert.Contains("als.exit(() => { o1.emit('go'); });", other);
        Assert.Contains("await als.run('v1', async () => {", other);
    }

    [Fact]
    public async Task A_module_a_target_lacks_is_blamed_on_one_bare_source_for_every_program_that_uses_it()
    {
        var target = ScriptedTarget.DivergingOn("import * as node_zlib");
        var result = await new Explorer(ScriptedTarget.Truth(), target, TimeSpan.FromSeconds(5), new ProgramGenerator(Catalog)).ExploreAsync(1, 120);
        var using_ = Enumerable.Range(0, 120).Select(i => new ProgramGenerator(Catalog).Generate(1, i)).Where(p => p.Nodes.Any(n => n.Recipe?.Module == "node:zlib")).ToList();
        var expected = using_.Count;
        Assert.True(expected >= 2, "seed 1 should use node:zlib in several programs");
        // No ddmin search: the target runs each program, each bare source of the diverging ones, and each minimised program once.
        Assert.True(target.Runs.Values.Sum() <= 120 + using_.Sum(p => p.Nodes.Count(n => n.Kind == OperationKind.Source)) + expected,
            $"{target.Runs.Values.Sum()} target runs: the bare round should have spared the minimiser's");
        Assert.Equal(expected, result.Groups.Sum(g => g.Count));
        Assert.All(result.Groups, g => Assert.StartsWith("source[node:zlib ", g.Signature));
        Assert.All(result.Groups, g => Assert.Empty(Assert.Single(g.Minimised).Body));
    }

    private static readonly AsyncSource Emit = new("node:events", "EventEmitter.prototype.emit", "function", []);

    [Theory]
    [InlineData("""{ "module": "node:events", "sources": ["EventEmitter.prototype.nothing"], "steps": [{ "registration": "$M.x($cb)" }] }""", "is not an async source")]
    [InlineData("""{ "module": "node:events", "sources": ["EventEmitter.prototype.emit"], "steps": [{ "registration": "$M.x(1)" }] }""", "no step hands over $cb")]
    [InlineData("""{ "module": "node:events", "sources": ["EventEmitter.prototype.emit"], "steps": [{ "later": "$M.x($cb)" }] }""", "none of creation, registration, trigger")]
    [InlineData("""{ "module": "node:events", "sources": ["EventEmitter.prototype.emit"], "steps": [{ "registration": "setTimeout($cb, $delay)" }] }""", "\"timer\": true")]
    [InlineData("""{ "module": "node:events", "sources": ["EventEmitter.prototype.emit"], "steps": [{ "registration": "x.on($cb)" }] }""", "$M names")]
    public void A_recipe_that_cannot_reach_a_source_of_the_model_is_refused_with_its_place(string recipe, string message)
    {
        var error = Assert.Throws<InvalidDataException>(() => SourceCatalog.Parse($$"""{ "recipes": [{{recipe}}] }""", "recipes.json", [Emit]));
        Assert.Contains("recipes.json: recipe 1", error.Message);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void The_sources_no_recipe_reaches_are_counted_as_a_gap()
    {
        var other = new AsyncSource("node:events", "once", "function", []);
        var catalog = SourceCatalog.Parse("""{ "recipes": [{ "module": "node:events", "sources": ["EventEmitter.prototype.emit"], "steps": [{ "trigger": "$M.x($cb)" }] }] }""", "r", [Emit, other]);
        Assert.Equal([other], catalog.WithoutRecipe);
        Assert.Equal(2, catalog.ModelSources);
        Assert.Equal(Catalog.ModelSources, Catalog.WithoutRecipe.Count + Catalog.Excluded.Count + Catalog.Recipes.Sum(r => r.Sources.Count));
    }
}
