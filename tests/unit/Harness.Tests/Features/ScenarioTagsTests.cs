using Conformance.Harness.Features;

namespace Harness.Tests.Features;

public sealed class ScenarioTagsTests
{
    [Fact]
    public void Requirement_ids_and_the_profile_are_read_from_tags()
    {
        var tags = ScenarioTags.Parse(["@ALS-RUN-1", "@AR-BIND-2", "@workerd-observed", "@wip", "@lower-case"]);
        Assert.Equal(["ALS-RUN-1", "AR-BIND-2"], tags.Requirements);
        Assert.Equal("workerd-observed", tags.Profile);
        Assert.Null(tags.Problem);
    }

    [Theory]
    [InlineData("ALS-RUN-1", true)]
    [InlineData("TF-10", true)]
    [InlineData("ALS", false)]
    [InlineData("als-run-1", false)]
    [InlineData("ALS-run", false)]
    public void The_requirement_pattern_is_upper_case_words_joined_by_dashes(string tag, bool isRequirement) =>
        Assert.Equal(isRequirement, ScenarioTags.IsRequirementId(tag));
}
