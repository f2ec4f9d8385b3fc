using Conformance.Harness.Execution;
using Conformance.Harness.Scenarios;
using Conformance.Harness.Targets.Process;

namespace Harness.Tests.Boundaries;

/// <summary>Issue 20 (OBS-BOUNDARY-HANDLERS-1): <c>Given the worker's scheduled and queue handlers are reached through env.SELF</c> parsed
/// into the program, needing the handler-invocation capability, rendered as workerd's experimental service_binding_extra_handlers
/// flag with <c>--experimental</c> on that run only, and an entry module whose default export adds the program's handlers.</summary>
public sealed class ExtraHandlersDeclarationTests
{
    private const string Step = "the worker's scheduled and queue handlers are reached through env.SELF";

    private static ScenarioProgram Build(params string[] declarations) => DeclaredProgram.Build("export default { scheduled() {}, queue() {} };", declarations);

    [Fact]
    public void The_declaration_reaches_the_handlers_and_needs_handler_invocation()
    {
        var declared = Build(Step);
        Assert.True(declared.ExtraHandlers);
        Assert.Equal([Capabilities.HandlerInvocation], Capabilities.NeededBy(declared, []));
        Assert.False(Build().ExtraHandlers);
        Assert.False(ScenarioExecutor.SameProgram(declared, Build()));
        var error = Assert.Throws<ScenarioDefinitionException>(() => Build(Step, Step));
        Assert.Contains($"step \"{Step}\": the handlers are already declared", error.Message);
    }

    [Fact]
    public void Only_a_declaring_program_gets_the_experimental_flag_and_option()
    {
        Assert.Contains("compatibilityFlags = [\"service_binding_extra_handlers\"]", WorkerdConfig.Render("2026-11-17", extraHandlers: true));
        Assert.DoesNotContain("service_binding_extra_handlers", WorkerdConfig.Render("2026-11-17"));
        Assert.Equal(["test", "--experimental", "c.capnp"], WorkerdConfig.TestArguments("c.capnp", experimental: true));
        Assert.Equal(["test", "c.capnp"], WorkerdConfig.TestArguments("c.capnp", experimental: false));
        var batch = WorkerdBatchConfig.Render(["2026-11-17", "2026-11-17"], null, null, null, [false, true]);
        var p0 = batch[batch.IndexOf("const p0 :Workerd.Worker", StringComparison.Ordinal)..batch.IndexOf("const p1 :Workerd.Worker", StringComparison.Ordinal)];
        Assert.DoesNotContain("service_binding_extra_handlers", p0);
        Assert.Contains("service_binding_extra_handlers", batch[batch.IndexOf("const p1 :Workerd.Worker", StringComparison.Ordinal)..]);
    }

    [Fact]
    public void The_entry_module_adds_the_programs_handlers_before_the_drivers_and_keeps_the_classes()
    {
        var program = Build(Step);
        Assert.Equal("entry.mjs", DriverFiles.EntryModuleOf(program));
        var entry = DriverFiles.FromRepository().ModulesFor(program)["entry.mjs"];
        Assert.Contains("export default { scheduled: handler('scheduled'), queue: handler('queue'), ...driver };", entry);
        Assert.DoesNotContain("export {", entry);
        var withClass = PlatformBindings.EntryModuleSource([new(PlatformBindingKind.Entrypoint, "Greeter", "GREETER")], extraHandlers: true);
        Assert.Contains("export { Greeter } from './program.mjs';", withClass);
        Assert.StartsWith("modules = [\n    (name = \"entry.mjs\"",
            WorkerdConfig.Render("2026-11-17", extraHandlers: true)[WorkerdConfig.Render("2026-11-17", extraHandlers: true).IndexOf("modules = [", StringComparison.Ordinal)..]);
    }
}
