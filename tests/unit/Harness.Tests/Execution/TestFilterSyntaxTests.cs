using Conformance.Harness.Execution;

namespace Harness.Tests.Execution;

/// <summary>Issue 18, item 2: a malformed `dotnet test --filter` is found before the run, with its cause.</summary>
public sealed class TestFilterSyntaxTests
{
    [Theory]
    [InlineData("Requirement=ALS-RUN-3")]
    [InlineData("(Profile=documented|Profile=caveat)&(Requirement=ALS-RUN-3)")]
    [InlineData("ScenarioId~matrix/")]
    [InlineData("ScenarioId!~matrix/&FullyQualifiedName!=x")]
    [InlineData("some-bare-name")]
    [InlineData("Name=a\\(b\\)")]
    [InlineData("((Profile=documented))")]
    public void A_filter_vstest_accepts_passes(string filter) => Assert.Null(TestFilterSyntax.Problem(filter));

    [Theory]
    [InlineData("", "empty")]
    [InlineData("Profile=documented)(", "an unmatched ')' at character 19")]
    [InlineData("(Profile=documented", "the '(' at character 1 is never closed")]
    [InlineData("Profile=documented&", "an empty condition at character 20")]
    [InlineData("Profile=documented||Profile=caveat", "an empty condition at character 20")]
    [InlineData("()", "an empty condition at character 2")]
    [InlineData("(a)(b)", "a missing '&' or '|' before character 4")]
    [InlineData("Profile=", "has no value after =")]
    [InlineData("=documented", "names no property before =")]
    [InlineData("Profile==documented", "more than one operator")]
    [InlineData("Pro file=documented", "is not a property name")]
    [InlineData("Name=a\\", "a trailing '\\' escapes nothing")]
    [InlineData("Name=a(b)", "a '(' inside a condition at character 7")]
    public void A_malformed_filter_is_named_with_its_cause(string filter, string cause) =>
        Assert.Contains(cause, TestFilterSyntax.Problem(filter));
}
