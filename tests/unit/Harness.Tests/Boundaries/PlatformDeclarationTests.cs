using Conformance.Harness.Scenarios;
using Conformance.Harness.Targets.Process;

namespace Harness.Tests.Boundaries;

/// <summary>Issue 20, item 1: Durable Object classes and named entrypoints declared in Gherkin, parsed into the program,
/// rendered into workerd's config (single run and batch); a malformed declaration is an error naming its step.</summary>
public sealed class PlatformDeclarationTests
{
    private const string Module = """
        import { DurableObject, WorkerEntrypoint } from 'cloudflare:workers';
        export class Counter extends DurableObject {}
        export class Greeter extends WorkerEntrypoint {}
        export default {};
        """;

    private const string DeclareCounter = "the Durable Object class \"Counter\" bound as \"COUNTER\"";
    private const string DeclareGreeter = "the WorkerEntrypoint class \"Greeter\" reached through the service binding \"GREETER\"";

    private static ScenarioProgram Build(string source, params string[] declarations) => DeclaredProgram.Build(source, declarations);

    [Fact]
    public void Declarations_become_the_programs_bindings_in_order()
    {
        var program = Build(Module, DeclareCounter, DeclareGreeter);
        Assert.Equal([new PlatformBinding(PlatformBindingKind.DurableObject, "Counter", "COUNTER"),
            new PlatformBinding(PlatformBindingKind.Entrypoint, "Greeter", "GREETER")], program.Bindings);
        Assert.Empty(Build(Module).Bindings);
    }

    [Theory]
    [InlineData("the Durable Object class \"Count er\" bound as \"COUNTER\"", "the class name \"Count er\" is not a JavaScript identifier")]
    [InlineData("the Durable Object class \"Counter\" bound as \"A-B\"", "the binding name \"A-B\" is not a JavaScript identifier")]
    [InlineData("the Durable Object class \"Counter\" bound as \"SELF\"", "the binding name SELF is the driver's own binding")]
    [InlineData("the Durable Object class \"Absent\" bound as \"ABSENT\"", "the program exports no class Absent")]
    public void A_malformed_declaration_is_an_error_naming_its_step(string step, string problem)
    {
        var error = Assert.Throws<ScenarioDefinitionException>(() => Build(Module, step));
        Assert.Contains($"step \"{step}\"", error.Message);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void A_binding_or_a_class_declared_twice_is_an_error()
    {
        var twiceBound = Assert.Throws<ScenarioDefinitionException>(() =>
            Build(Module, DeclareCounter, "the WorkerEntrypoint class \"Greeter\" reached through the service binding \"COUNTER\""));
        Assert.Contains("the binding COUNTER is already declared (for class Counter)", twiceBound.Message);
        var twiceDeclared = Assert.Throws<ScenarioDefinitionException>(() =>
            Build(Module, DeclareCounter, "the WorkerEntrypoint class \"Counter\" reached through the service binding \"OTHER\""));
        Assert.Contains("the class Counter is already declared (bound as COUNTER)", twiceDeclared.Message);
    }

    [Fact]
    public void The_entry_module_re_exports_the_driver_and_the_declared_classes_only_when_there_are_some()
    {
        var driver = DriverFiles.FromRepository();
        var declared = Build(Module, DeclareCounter, DeclareGreeter);
        Assert.Equal("entry.mjs", DriverFiles.EntryModuleOf(declared));
        var entry = driver.ModulesFor(declared)["entry.mjs"];
        Assert.Contains("export { default } from './driver.mjs';", entry);
        Assert.Contains("export { Counter, Greeter } from './program.mjs';", entry);
        var plain = Build(Module);
        Assert.Equal("driver.mjs", DriverFiles.EntryModuleOf(plain));
        Assert.False(driver.ModulesFor(plain).ContainsKey("entry.mjs"));
    }

    [Fact]
    public void The_single_run_config_declares_the_namespace_in_memory_and_binds_both_classes()
    {
        var config = WorkerdConfig.Render("2026-11-17", null, "main", Build(Module, DeclareCounter, DeclareGreeter).Bindings);
        Assert.Contains("durableObjectNamespaces = [(className = \"Counter\", uniqueKey = \"main-Counter\")]", config);
        Assert.Contains("durableObjectStorage = (inMemory = void)", config);
        Assert.Contains("(name = \"COUNTER\", durableObjectNamespace = \"Counter\")", config);
        Assert.Contains("(name = \"GREETER\", service = (name = \"main\", entrypoint = \"Greeter\"))", config);
        var modules = config[config.IndexOf("modules = [", StringComparison.Ordinal)..];
        Assert.StartsWith("modules = [\n    (name = \"entry.mjs\", esModule = embed \"entry.mjs\"),", modules);
        var plain = WorkerdConfig.Render("2026-11-17");
        Assert.DoesNotContain("durableObject", plain);
        Assert.DoesNotContain("entry.mjs", plain);
    }

    [Fact]
    public void A_batch_keys_each_programs_namespace_and_entrypoints_by_its_own_service()
    {
        var declared = Build(Module, DeclareCounter, DeclareGreeter).Bindings;
        var config = WorkerdBatchConfig.Render(["2026-11-17", "2026-11-17", "2026-11-17"], null, [declared, [], declared]);
        foreach (var service in new[] { "p0", "p2" })
        {
            Assert.Contains($"uniqueKey = \"{service}-Counter\"", config);
            Assert.Contains($"(name = \"GREETER\", service = (name = \"{service}\", entrypoint = \"Greeter\"))", config);
            Assert.Contains($"(name = \"entry.mjs\", esModule = embed \"{service}/entry.mjs\")", config);
        }
        var p1 = config[config.IndexOf("const p1 :Workerd.Worker", StringComparison.Ordinal)..config.IndexOf("const p2 :Workerd.Worker", StringComparison.Ordinal)];
        Assert.DoesNotContain("durableObject", p1);
        Assert.DoesNotContain("\"main\"", config);
        Assert.Throws<ArgumentException>(() => WorkerdBatchConfig.Render(["2026-11-17"], null, [declared, declared]));
    }
}
