using Conformance.Explore.Generation;
using Conformance.Explore.Sources;

namespace Explore.Tests;

public sealed class GeneratorTests
{
    private static readonly SourceCatalog Catalog = SourceCatalog.Load(Conformance.Harness.Scenarios.RepositoryRoot.Find());
    private static readonly ProgramGenerator Generator = new(Catalog);

    [Fact]
    public void The_same_seed_gives_the_same_programs_and_another_seed_others()
    {
        var first = Enumerable.Range(0, 50).Select(i => ProgramRenderer.Render(Generator.Generate(7, i).Operations)).ToList();
        var again = Enumerable.Range(0, 50).Select(i => ProgramRenderer.Render(new ProgramGenerator(Catalog).Generate(7, i).Operations)).ToList();
        var other = Enumerable.Range(0, 50).Select(i => ProgramRenderer.Render(Generator.Generate(8, i).Operations)).ToList();
        Assert.Equal(first, again);
        Assert.True(first.Zip(other).Count(p => p.First != p.Second) > 40, "another seed should give mostly other programs");
        Assert.True(first.Distinct().Count() > 40, "the programs of one seed should mostly differ from each other");
    }

    [Fact]
    public void The_prng_is_splitmix64_with_its_published_outputs()
    {
        // Reference outputs of SplitMix64 seeded with 1234567 (Vigna's splitmix64.c): the algorithm is fixed, not the runtime's.
        var random = new SplitMix64(1234567);
        Assert.Equal([6457827717110365317UL, 3203168211198807973UL, 9817491932198370423UL], new[] { random.Next(), random.Next(), random.Next() });
    }

    [Fact]
    public void Programs_follow_the_rules_that_make_them_deterministic()
    {
        var kinds = new HashSet<OperationKind>();
        for (var i = 0; i < 500; i++)
        {
            var program = Generator.Generate(3, i);
            var delays = program.Nodes.Where(n => n.IsTimer).Select(n => n.Delay).ToList();
            Assert.Equal(delays.Count, delays.Distinct().Count());
            Assert.All(delays, d => Assert.InRange(d, 1, ProgramGenerator.MaxDelayMs));
            Assert.True(ProgramGenerator.MaxDelayMs < Conformance.Harness.Scenarios.ScenarioPlan.SettleBoundMs);
            foreach (var concurrent in program.Nodes.Where(n => n.Kind is OperationKind.All or OperationKind.Detached))
                Assert.DoesNotContain(concurrent.Descendants(), n => n.IsTimer);
            Assert.Equal(program.Nodes.Count(), program.Nodes.Select(n => n.Id).Distinct().Count());
            Assert.All(program.Nodes.Where(n => n.Kind == OperationKind.All), n => Assert.NotEmpty(n.Body));
            foreach (var node in program.Nodes) kinds.Add(node.Kind);
        }
        Assert.Equal(Enum.GetValues<OperationKind>().ToHashSet(), kinds);
    }
}
