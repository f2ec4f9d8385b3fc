namespace Conformance.Harness.Targets.Process;

/// <summary>The process targets by name (workerd, node, node26, deno, bun, system-node, command:...); see spec/runtime-bridges.md.</summary>
public static class ProcessTargets
{
    /// <summary>The names this factory knows, for help texts and for `-Target all` (`command:` takes a template).</summary>
    public static IReadOnlyList<string> KnownNames { get; } = ["workerd", "node", "node26", "deno", "bun", NodeStyleTarget.SystemNodeName, CommandTarget.Prefix + "<template>"];

    /// <summary>The pinned targets that need no argument: what `-Target all` runs (system-node is whatever PATH holds, so not in it).</summary>
    public static IReadOnlyList<string> FixedNames { get; } = ["workerd", "node", "node26", "deno", "bun"];

    /// <summary>The target called <paramref name="name"/>, or null when no process target has that name.</summary>
    public static ITarget? TryCreate(string name, string repositoryRoot) => TryCreate(name, repositoryRoot, ProcessTargetOptions.Default);

    /// <summary>As <see cref="TryCreate(string, string)"/>, with other limits (tests use small ones).</summary>
    public static ITarget? TryCreate(string name, string repositoryRoot, ProcessTargetOptions options)
    {
        if (name.StartsWith(CommandTarget.Prefix, StringComparison.Ordinal))
            return new CommandTarget(name[CommandTarget.Prefix.Length..], repositoryRoot, options);
        return name switch
        {
            "workerd" => new WorkerdTarget(repositoryRoot, options),
            "node" => NodeStyleTarget.PinnedNode20(repositoryRoot, options),
            NodeStyleTarget.SystemNodeName => NodeStyleTarget.SystemNode(repositoryRoot, options),
            "node26" => NodeStyleTarget.PinnedNode(repositoryRoot, options),
            "deno" => NodeStyleTarget.Deno(repositoryRoot, options),
            "bun" => NodeStyleTarget.Bun(repositoryRoot, options),
            _ => null,
        };
    }
}
