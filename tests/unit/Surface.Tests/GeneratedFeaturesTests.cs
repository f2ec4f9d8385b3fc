using Conformance.Harness.Scenarios;
using Conformance.Surface;

namespace Surface.Tests;

/// <summary>
/// What the generator makes of spec/surface/async_hooks.json (spec/surface/README.md). That features/surface/ is what it makes, and
/// the header each file carries, are tests/unit/Generate.Tests'.
/// </summary>
public sealed class GeneratedFeaturesTests
{
    private static readonly string Root = RepositoryRoot.Find();

    [Fact]
    public void Workerd_internal_entries_generate_no_row()
    {
        var description = SurfaceDescription.Load(Root);
        var internals = description.Entries.Where(e => e.WorkerdInternal).ToArray();
        Assert.NotEmpty(internals);
        var text = string.Concat(SurfaceFeatureGenerator.Generate(description).Select(f => f.Body));
        Assert.All(internals, e => Assert.DoesNotContain($"| {e.Subject} ", text, StringComparison.Ordinal));
    }
}
