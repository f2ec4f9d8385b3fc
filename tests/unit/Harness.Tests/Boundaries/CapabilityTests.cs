using Conformance.Harness.Execution.Dates;
using Conformance.Harness.Features;
using Conformance.Harness.Scenarios;
using Conformance.Harness.Targets;
using Conformance.Harness.Targets.Reference;

namespace Harness.Tests.Boundaries;

/// <summary>Issue 20, item 3: a scenario needing a capability its target lacks is NOT-APPLICABLE naming it.</summary>
public sealed class CapabilityTests
{
    private static ScenarioProgram Program(params PlatformBinding[] bindings) =>
        new("boundaries/x", "export default {};", ScenarioPlan.TestHandlerOnly, ScenarioProgram.DefaultCompatibilityDate) { Bindings = bindings };

    private static readonly PlatformBinding Counter = new(PlatformBindingKind.DurableObject, "Counter", "COUNTER");
    private static readonly PlatformBinding Greeter = new(PlatformBindingKind.Entrypoint, "Greeter", "GREETER");

    [Fact]
    public void A_declared_Durable_Object_is_not_applicable_without_the_capability_naming_it()
    {
        var decision = Applicability.Decide(Program(Counter, Greeter), [], RunDates.None, ITarget.NoCapabilities);
        Assert.False(decision.Applies);
        Assert.Equal("no Durable Objects; no RPC to WorkerEntrypoint classes on this target (the scenario needs durable-objects, rpc)",
            decision.NotApplicableReason);
    }

    [Fact]
    public void A_needs_tag_asks_for_its_capability()
    {
        Assert.Contains("no HTMLRewriter on this target",
            Applicability.Decide(Program(), ["needs:html-rewriter"], RunDates.None, Capabilities.ReferenceHost).NotApplicableReason);
        var decision = Applicability.Decide(Program(), ["needs:websocket-pair"], RunDates.None, new HashSet<string> { "durable-objects" });
        Assert.Contains("no WebSocketPair", decision.NotApplicableReason);
        Assert.True(Applicability.Decide(Program(), ["@needs:websocket-pair"], RunDates.None, Capabilities.WorkersPlatform).Applies);
    }

    [Fact]
    public void A_target_providing_the_capability_runs_the_scenario_and_the_date_rules_still_apply()
    {
        Assert.True(Applicability.Decide(Program(Counter), [], RunDates.None, Capabilities.WorkersPlatform).Applies);
        var later = Program(Counter) with { CompatibilityDate = "2027-01-01", NamesDate = true };
        Assert.Contains("later than this run's newest", Applicability.Decide(later, [], new RunDates("2026-12-01", null, []), Capabilities.WorkersPlatform).NotApplicableReason);
    }

    [Fact]
    public void An_unknown_needs_tag_is_a_problem_of_the_scenario()
    {
        var tags = ScenarioTags.Parse(["@workerd-observed", "@needs:teleporter"]);
        Assert.Contains("@needs:teleporter names no capability the harness knows (durable-objects, rpc, websocket-pair, html-rewriter, subrequest-bodies, cache-api, handler-invocation, queues)", tags.Problem);
        Assert.Null(ScenarioTags.Parse(["@workerd-observed", "@needs:rpc"]).Problem);
    }

    [Fact]
    public void Workerd_and_the_reference_provide_the_platform_and_node_style_targets_nothing()
    {
        var root = Conformance.Harness.Scenarios.RepositoryRoot.Find();
        var reference = ((ITarget)new ReferenceTarget(DriverFiles.FromRepository())).Capabilities;
        Assert.Equal(Capabilities.WorkersPlatform.Except(["html-rewriter"]).Order(), reference.Order());
        foreach (var name in new[] { "workerd" })
            Assert.Equal(Capabilities.WorkersPlatform, Create(name, root).Capabilities);
        foreach (var name in new[] { "node", "deno", "bun" })
            Assert.Empty(Create(name, root).Capabilities);
    }

    private static ITarget Create(string name, string root) =>
        TargetFactory.TryCreate(name, root, null, out var problem) ?? throw new InvalidOperationException(problem);
}
