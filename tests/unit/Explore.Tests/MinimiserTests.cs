using Conformance.Explore.Exploring;
using Conformance.Explore.Generation;
using Conformance.Explore.Sources;

namespace Explore.Tests;

public sealed class MinimiserTests
{
    [Fact]
    public async Task A_divergence_that_needs_one_operation_is_cut_down_to_that_operation()
    {
        // Every generated program of seed 5 holding a listener: the fake divergence is "a listener is present".
        var programs = Enumerable.Range(0, 200).Select(i => new ProgramGenerator(SourceCatalog.Empty).Generate(5, i))
            .Where(p => p.Nodes.Any(n => n.Kind == OperationKind.Listener) && p.Nodes.Count() > 6).Take(5).ToList();
        Assert.NotEmpty(programs);
        foreach (var program in programs)
        {
            var minimised = await Minimiser.MinimiseAsync(program.Operations,
                candidate => Task.FromResult(candidate.SelectMany(o => o.Descendants()).Any(n => n.Kind == OperationKind.Listener)));
            var node = Assert.Single(minimised);
            Assert.Equal(OperationKind.Listener, node.Kind);
            Assert.Empty(node.Body);
        }
    }

    [Fact]
    public async Task A_divergence_that_needs_a_nesting_keeps_exactly_that_nesting()
    {
        // Diverges only when a run holds a timeout: the minimum is run(timeout), whatever surrounds it.
        static bool Needs(IReadOnlyList<Operation> ops) =>
            ops.SelectMany(o => o.Descendants()).Any(n => n.Kind == OperationKind.Run && n.Descendants().Skip(1).Any(c => c.Kind == OperationKind.Timeout));
        var program = Enumerable.Range(0, 500).Select(i => new ProgramGenerator(SourceCatalog.Empty).Generate(9, i))
            .First(p => Needs(p.Operations) && p.Nodes.Count() > 8);
        var minimised = await Minimiser.MinimiseAsync(program.Operations, c => Task.FromResult(Needs(c)));
        Assert.Equal("run(timeout)", Signature.Of(minimised));
    }

    [Fact]
    public async Task A_source_a_target_lacks_is_found_alone_in_the_bare_round_and_one_that_needs_its_body_by_ddmin()
    {
        var catalog = SourceCatalog.Load(Conformance.Harness.Scenarios.RepositoryRoot.Find());
        var program = Enumerable.Range(0, 300).Select(i => new ProgramGenerator(catalog).Generate(5, i))
            .First(p => p.Nodes.Count(n => n.Kind == OperationKind.Source) >= 2 && p.Nodes.Count() > 8);
        var bare = Minimiser.BareSources(program.Operations);
        Assert.Equal(program.Nodes.Where(n => n.Kind == OperationKind.Source).Select(n => n.Id), bare.Select(b => Assert.Single(b).Id));
        Assert.All(bare, b => Assert.Empty(b[0].Body));
        // The explorer takes the first bare source that diverges; a divergence that needs the source's body (a frame a target
        // gets wrong, seen by its log) has none, and ddmin cuts the program down to the source and its first log.
        static bool NeedsBody(IReadOnlyList<Operation> ops) => ops.SelectMany(o => o.Descendants()).Any(n => n.Kind == OperationKind.Source && n.Body.Count > 0);
        Assert.DoesNotContain(bare, NeedsBody);
        var nested = await Minimiser.MinimiseAsync(program.Operations, c => Task.FromResult(NeedsBody(c)));
        Assert.Matches(@"^source\[[^\]]+\]\(log\)$", Signature.Of(nested));
    }

    [Fact]
    public void Removing_every_branch_of_an_all_keeps_one_so_the_program_stays_valid()
    {
        var all = new Operation(1, OperationKind.All, 0, 0, 0,
            [new Operation(2, OperationKind.Log, 0, 0, 0, []), new Operation(3, OperationKind.Log, 0, 0, 0, [])]);
        var reduced = Minimiser.Remove([all], new HashSet<int> { 2, 3 });
        Assert.Equal([2], Assert.Single(reduced).Body.Select(b => b.Id));
    }
}

public sealed class MinimiserTerminationTests
{
    [Fact]
    public async Task A_removal_that_changes_nothing_is_not_taken_for_progress()
    {
        // Removing the only branch of an All keeps it (Remove's rule): counting that as a step would loop for ever.
        var all = new Operation(1, OperationKind.All, 0, 0, 0, [new Operation(2, OperationKind.Log, 0, 0, 0, [])]);
        var minimised = await Task.Run(() => Minimiser.MinimiseAsync([all],
            c => Task.FromResult(c.SelectMany(o => o.Descendants()).Any(n => n.Kind == OperationKind.All)))).WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
        Assert.Equal("all(log)", Signature.Of(minimised));
    }
}
