using Conformance.Harness.Targets.Process;

namespace Conformance.Harness.Targets.Versions;

/// <summary>The targets <c>&lt;runtime&gt;@&lt;version&gt;</c>: one npm release, from the runtime cache (spec/runtime-bridges.md, "Versioned targets").</summary>
public static class VersionedTargets
{
    /// <summary>The cache every versioned target of this process uses: <see cref="RuntimeCache.DefaultRoot"/>, real npm.</summary>
    public static RuntimeCache DefaultCache() =>
        new(RuntimeCache.DefaultRoot(), NpmClient.Default, (binary, ct) => VersionProbe.CheckAsync(Path.GetFileName(binary), binary, ct));

    /// <summary>The target, or null with <paramref name="problem"/> saying what is wrong with the name.</summary>
    public static ITarget? TryCreate(string name, string repositoryRoot, ProcessTargetOptions options, RuntimeCache cache, out string? problem)
    {
        if (RuntimeVersion.TryParse(name, out problem) is not { } version) return null;
        var release = new VersionedRelease(version, cache);
        return version.Family.Name == "workerd"
            ? new WorkerdTarget(repositoryRoot, options, release)
            : NodeStyleTarget.Versioned(release, repositoryRoot, options);
    }

    /// <summary>How the release resolved, once the target's availability was checked (null for another target, or before).</summary>
    public static Resolution? ResolutionOf(ITarget target) => target switch
    {
        WorkerdTarget w => w.Release?.Resolution,
        NodeStyleTarget n => n.Release?.Resolution,
        _ => null,
    };
}
