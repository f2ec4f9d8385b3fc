using Conformance.Harness.Scenarios;

namespace Harness.Tests.Scenarios;

public sealed class ScenarioSlugTests
{
    [Theory]
    [InlineData("run returns the callback's value", "run-returns-the-callback-s-value")]
    [InlineData("  --Hello,  World!! ", "hello-world")]
    [InlineData("bind() keeps 2 frames", "bind-keeps-2-frames")]
    [InlineData("Ünïcode ok", "n-code-ok")]
    [InlineData("!!!", "")]
    public void Slugs_follow_the_snapshot_naming_rule(string name, string slug) => Assert.Equal(slug, ScenarioSlug.From(name));
}
