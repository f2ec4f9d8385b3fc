using Conformance.Harness.Scenarios;
using Conformance.Harness.Targets.Process;
using Conformance.Harness.Targets.Reference;

namespace Conformance.Harness.Targets;

/// <summary>Targets by name: "reference" is in-process; every other name goes to <see cref="ProcessTargets"/>.</summary>
public static class TargetFactory
{
    /// <summary>Every name a run accepts, for error messages and help.</summary>
    public static IReadOnlyList<string> KnownNames => [ReferenceTarget.TargetName, .. ProcessTargets.KnownNames, "<runtime>@<version> (workerd, node, deno, bun)"];

    /// <summary>The target, or null with <paramref name="problem"/> listing the known names.</summary>
    public static ITarget? TryCreate(string name, string repositoryRoot, int? maxParallelism, out string? problem)
    {
        problem = null;
        if (string.Equals(name, ReferenceTarget.TargetName, StringComparison.OrdinalIgnoreCase))
            return new ReferenceTarget(DriverFiles.Load(repositoryRoot), maxParallelism);

        if (Versions.RuntimeVersion.LooksVersioned(name))
            return Versions.VersionedTargets.TryCreate(name, repositoryRoot, ProcessTargetOptions.Default, Versions.VersionedTargets.DefaultCache(), out problem);

        var target = ProcessTargets.TryCreate(name, repositoryRoot);
        if (target is null)
            problem = $"unknown target \"{name}\". Known targets: {string.Join(", ", KnownNames)}";
        return target;
    }
}
