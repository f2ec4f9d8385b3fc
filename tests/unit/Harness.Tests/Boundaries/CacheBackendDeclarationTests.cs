using Conformance.Harness.Execution;
using Conformance.Harness.Scenarios;
using Conformance.Harness.Targets.Process;

namespace Harness.Tests.Boundaries;

/// <summary>Issue 20 (OBS-BOUNDARY-CACHE-1): <c>Given the worker is its own Cache API backend</c> parsed into the program, needing the
/// cache-api capability, and rendered into workerd's config as <c>cacheApiOutbound</c> naming the program's own service (single run
/// and batch); declared twice it is an error naming its step.</summary>
public sealed class CacheBackendDeclarationTests
{
    private const string Step = "the worker is its own Cache API backend";

    private static ScenarioProgram Build(params string[] declarations) => DeclaredProgram.Build("export default { fetch() { return new Response(''); } };", declarations);

    [Fact]
    public void The_declaration_makes_the_program_its_own_backend_and_needs_the_cache_api()
    {
        var declared = Build(Step);
        Assert.True(declared.CacheBackend);
        Assert.Equal([Capabilities.CacheApi], Capabilities.NeededBy(declared, []));
        var plain = Build();
        Assert.False(plain.CacheBackend);
        Assert.Empty(Capabilities.NeededBy(plain, []));
        Assert.False(ScenarioExecutor.SameProgram(declared, plain));
        Assert.True(ScenarioExecutor.SameProgram(declared, Build(Step))); // built twice, the same program (lists and plan compared by value)
    }

    [Fact]
    public void Declared_twice_is_an_error_naming_the_step()
    {
        var error = Assert.Throws<ScenarioDefinitionException>(() => Build(Step, Step));
        Assert.Contains($"step \"{Step}\": the cache backend is already declared", error.Message);
    }

    [Fact]
    public void The_single_run_config_points_the_cache_at_the_programs_own_service_only_when_declared()
    {
        Assert.Contains("\n  cacheApiOutbound = \"main\",", WorkerdConfig.Render("2026-11-17", null, "main", cacheBackend: true));
        Assert.DoesNotContain("cacheApiOutbound", WorkerdConfig.Render("2026-11-17", null, "main"));
    }

    [Fact]
    public void A_batch_points_each_declaring_programs_cache_at_its_own_service()
    {
        var config = WorkerdBatchConfig.Render(["2026-11-17", "2026-11-17", "2026-11-17"], null, null, [true, false, true]);
        Assert.Contains("cacheApiOutbound = \"p0\"", config);
        Assert.Contains("cacheApiOutbound = \"p2\"", config);
        var p1 = config[config.IndexOf("const p1 :Workerd.Worker", StringComparison.Ordinal)..config.IndexOf("const p2 :Workerd.Worker", StringComparison.Ordinal)];
        Assert.DoesNotContain("cacheApiOutbound", p1);
        Assert.Throws<ArgumentException>(() => WorkerdBatchConfig.Render(["2026-11-17"], null, null, [true, true]));
    }
}
