using Conformance.Harness.Targets.Versions;

namespace Conformance.Harness.Targets.Process;

/// <summary>
/// The binary of a versioned target (<c>bun@1.3.14</c>), resolved through the <see cref="RuntimeCache"/> when the target's
/// availability is checked: installed on first use, reused after.
/// </summary>
internal sealed class VersionedRelease(RuntimeVersion version, RuntimeCache cache)
{
    public RuntimeVersion Version { get; } = version;

    public string Name => Version.TargetName;

    /// <summary>The binary, once <see cref="ResolveAsync"/> succeeded.</summary>
    public string? Binary { get; private set; }

    /// <summary>The last resolution (a usage error names the versions npm offers), for `Conformance.Cli check`.</summary>
    public Resolution? Resolution { get; private set; }

    /// <summary>Null when the release is ready; otherwise why not.</summary>
    public async Task<string?> ResolveAsync(CancellationToken cancellationToken)
    {
        if (Executables.PinnedPlatformProblem() is { } platform) return $"{Name}: {platform}";
        Resolution = await cache.ResolveAsync(Version, cancellationToken);
        if (Resolution.Kind != ResolutionKind.Ready) return Resolution.Message;
        Binary = Resolution.Binary;
        return null;
    }
}
