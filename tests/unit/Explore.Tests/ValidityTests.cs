using Conformance.Explore.Generation;
using Conformance.Explore.Sources;
using Conformance.Harness.Scenarios;
using Conformance.Harness.Targets;

namespace Explore.Tests;

/// <summary>
/// Generated programs of the fixed vocabulary load and complete on the in-process reference: the generator writes valid modules.
/// The inventory's sources are checked on workerd, whose modules the reference does not all provide (RecipeTests).
/// </summary>
public sealed class ValidityTests
{
    [Fact]
    public async Task Generated_programs_run_to_their_end_on_the_reference()
    {
        var target = TargetFactory.TryCreate("reference", RepositoryRoot.Find(), null, out var problem) ?? throw new InvalidOperationException(problem);
        var generator = new ProgramGenerator(SourceCatalog.Empty);
        for (var i = 0; i < 40; i++)
        {
            var program = ProgramRenderer.ToScenarioProgram(generator.Generate(11, i));
            var run = await target.RunAsync(program, TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
            Assert.True(run.Status == RunStatus.Completed, $"program {i}: {run.Status} {run.Detail}\n{program.Source}");
            Assert.DoesNotContain(run.Trace, line => line.StartsWith("load error", StringComparison.Ordinal) || line.StartsWith("uncaught", StringComparison.Ordinal));
            Assert.Contains(run.Trace, line => line.StartsWith("log: \"end\"", StringComparison.Ordinal));
        }
    }
}
