using Conformance.Harness.Scenarios;

namespace Harness.Tests.Scenarios;

public sealed class ScenarioBuilderTests
{
    private const string Module = "export default {};";

    private static ScenarioProgram Build(params (string Text, string? Doc)[] steps)
    {
        var builder = new ScenarioBuilder();
        foreach (var (text, doc) in steps) builder.Apply(text, doc);
        return builder.Build("area/x");
    }

    [Fact]
    public void The_test_handler_step_has_no_requests_and_the_default_date()
    {
        var program = Build(("the worker program:", Module), ("the test handler runs", null));
        Assert.Equal(new ScenarioProgram("area/x", Module, program.Plan, ScenarioProgram.DefaultCompatibilityDate), program);
        Assert.Empty(program.Plan.Requests);
        Assert.Equal(3, program.Plan.SettleTurns);
    }

    [Fact]
    public void A_request_is_a_GET_of_the_root()
    {
        var plan = Build(("the worker program:", Module), ("a request is sent", null)).Plan;
        Assert.Equal([new WorkerRequest("GET", "/")], plan.Requests);
        Assert.False(plan.Concurrent);
    }

    [Fact]
    public void A_request_to_a_path()
    {
        var plan = Build(("the worker program:", Module), ("a request is sent to \"/a/b?c=1\"", null)).Plan;
        Assert.Equal([new WorkerRequest("GET", "/a/b?c=1")], plan.Requests);
    }

    [Theory]
    [InlineData("3 requests are sent concurrently", true)]
    [InlineData("3 requests are sent one after another", false)]
    public void Several_requests_go_to_numbered_paths(string step, bool concurrent)
    {
        var plan = Build(("the worker program:", Module), (step, null)).Plan;
        Assert.Equal(["/0", "/1", "/2"], plan.Requests.Select(r => r.Path));
        Assert.Equal(concurrent, plan.Concurrent);
    }

    [Fact]
    public void The_compatibility_date_is_taken()
    {
        var program = Build(("the worker program:", Module), ("the compatibility date \"2025-06-15\"", null), ("the test handler runs", null));
        Assert.Equal("2025-06-15", program.CompatibilityDate);
    }

    [Fact]
    public void Steps_have_roles_and_the_check_is_recorded()
    {
        var builder = new ScenarioBuilder();
        Assert.Equal(StepRole.Arrange, builder.Apply("the worker program:", Module));
        Assert.Equal(StepRole.Act, builder.Apply("the test handler runs", null));
        Assert.False(builder.HasAssertion);
        Assert.Equal(StepRole.Assert, builder.Apply("the trace matches the verified snapshot", null));
        Assert.True(builder.HasAssertion);
    }

    [Fact]
    public void An_unknown_step_is_named_with_the_vocabulary()
    {
        var error = Assert.Throws<ScenarioDefinitionException>(() => new ScenarioBuilder().Apply("the moon is full", null));
        Assert.Contains("unknown step \"the moon is full\"", error.Message);
        Assert.Contains("N requests are sent concurrently", error.Message);
    }

    [Theory]
    [InlineData("the worker program:", null, "needs a doc string")]
    [InlineData("the test handler runs", "text", "takes no doc string")]
    [InlineData("the compatibility date \"2025-13-45\"", null, "not a date")]
    [InlineData("a request is sent to \"nope\"", null, "must start with '/'")]
    [InlineData("0 requests are sent concurrently", null, "between 1 and 1000")]
    public void Malformed_steps_are_errors(string step, string? doc, string message)
    {
        var error = Assert.Throws<ScenarioDefinitionException>(() => new ScenarioBuilder().Apply(step, doc));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void One_action_per_scenario()
    {
        var builder = new ScenarioBuilder();
        builder.Apply("a request is sent", null);
        var error = Assert.Throws<ScenarioDefinitionException>(() => builder.Apply("the test handler runs", null));
        Assert.Contains("already has an action", error.Message);
    }

    [Fact]
    public void Building_needs_a_program_and_an_action()
    {
        Assert.Contains("no program", Assert.Throws<ScenarioDefinitionException>(() => Build(("the test handler runs", null))).Message);
        Assert.Contains("no action", Assert.Throws<ScenarioDefinitionException>(() => Build(("the worker program:", Module))).Message);
    }
}
