using Conformance.Harness.Execution;
using Conformance.Harness.Scenarios;
using Conformance.Harness.Targets.Process;

namespace Harness.Tests.Boundaries;

/// <summary>Issue 20 (OBS-BOUNDARY-QUEUE-1): <c>Given the worker is its own queue broker, bound as "Q"</c> parsed into the program, giving
/// env.SELF its queue() and needing the queues capability, and rendered into workerd's config as a queue binding naming the program's
/// own service (single run and batch); a second declaration, a bad name or a name a declared class already binds is an error naming
/// its step.</summary>
public sealed class QueueBrokerDeclarationTests
{
    private const string Step = "the worker is its own queue broker, bound as \"Q\"";

    private static ScenarioProgram Build(params string[] declarations) =>
        DeclaredProgram.Build("""
            import { WorkerEntrypoint } from 'cloudflare:workers';
            export class Greeter extends WorkerEntrypoint {}
            export default { fetch() { return new Response(''); } };
            """, declarations);

    [Fact]
    public void The_declaration_binds_the_producer_gives_env_self_queue_and_needs_queues()
    {
        var declared = Build(Step);
        Assert.Equal("Q", declared.QueueBroker);
        Assert.True(declared.ExtraHandlers);
        Assert.Equal([Capabilities.HandlerInvocation, Capabilities.Queues], Capabilities.NeededBy(declared, []));
        var plain = Build();
        Assert.Null(plain.QueueBroker);
        Assert.Empty(Capabilities.NeededBy(plain, []));
        Assert.False(ScenarioExecutor.SameProgram(declared, plain));
        Assert.False(ScenarioExecutor.SameProgram(declared, Build("the worker is its own queue broker, bound as \"JOBS\"")));
    }

    [Theory]
    [InlineData("the worker is its own queue broker, bound as \"Q\"", "the queue broker is already declared (bound as Q)")]
    [InlineData("the worker is its own queue broker, bound as \"SELF\"", "the binding name SELF is the driver's own binding")]
    [InlineData("the worker is its own queue broker, bound as \"no-name\"", "the binding name \"no-name\" is not a JavaScript identifier")]
    public void A_bad_declaration_is_an_error_naming_its_step(string second, string problem)
    {
        var steps = second == Step ? new[] { Step, second } : [second];
        var error = Assert.Throws<ScenarioDefinitionException>(() => Build(steps));
        Assert.Contains($"step \"{second}\": {problem}", error.Message);
    }

    [Fact]
    public void A_name_a_declared_class_binds_is_an_error_naming_the_broker_step()
    {
        var step = "the worker is its own queue broker, bound as \"GREETER\"";
        var error = Assert.Throws<ScenarioDefinitionException>(() =>
            Build("the WorkerEntrypoint class \"Greeter\" reached through the service binding \"GREETER\"", step));
        Assert.Contains($"step \"{step}\": the binding GREETER is already declared (for class Greeter)", error.Message);
    }

    [Fact]
    public void The_single_run_config_binds_the_queue_to_the_programs_own_service_only_when_declared()
    {
        var config = WorkerdConfig.Render("2026-11-17", null, "main", extraHandlers: true, queueBroker: "Q");
        Assert.Contains(", (name = \"Q\", queue = \"main\") ]", config);
        Assert.Contains($"\"{WorkerdConfig.ExtraHandlersFlag}\"", config);
        Assert.DoesNotContain("queue =", WorkerdConfig.Render("2026-11-17", null, "main", extraHandlers: true));
    }

    [Fact]
    public void A_batch_binds_each_declaring_programs_queue_to_its_own_service()
    {
        var config = WorkerdBatchConfig.Render(["2026-11-17", "2026-11-17", "2026-11-17"], null, null, null, [true, false, true], ["Q", null, "Q"]);
        Assert.Contains("(name = \"Q\", queue = \"p0\")", config);
        Assert.Contains("(name = \"Q\", queue = \"p2\")", config);
        var p1 = config[config.IndexOf("const p1 :Workerd.Worker", StringComparison.Ordinal)..config.IndexOf("const p2 :Workerd.Worker", StringComparison.Ordinal)];
        Assert.DoesNotContain("queue =", p1);
        Assert.Throws<ArgumentException>(() => WorkerdBatchConfig.Render(["2026-11-17"], null, null, null, null, ["Q", "Q"]));
    }
}
