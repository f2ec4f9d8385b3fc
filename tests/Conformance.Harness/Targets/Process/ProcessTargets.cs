namespace Conformance.Harness.Targets.Process;

/// <summary>The process targets by name (workerd, node, node26, deno, bun, command:...). Filled in by the process-targets work.</summary>
public static class ProcessTargets
{
    /// <summary>The names this factory knows, for help texts and for `-Target all`.</summary>
    public static IReadOnlyList<string> KnownNames { get; } = [];

    /// <summary>The target called <paramref name="name"/>, or null when no process target has that name.</summary>
    public static ITarget? TryCreate(string name, string repositoryRoot) => null;
}
