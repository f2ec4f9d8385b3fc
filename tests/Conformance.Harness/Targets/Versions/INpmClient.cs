namespace Conformance.Harness.Targets.Versions;

/// <summary>What the runtime cache needs from npm; <see cref="NpmClient"/> is the real one, tests pass a fake.</summary>
public interface INpmClient
{
    /// <summary>Every version npm offers of <paramref name="package"/>, or null with <paramref name="problem"/> when npm cannot say.</summary>
    Task<(IReadOnlyList<string>? Versions, string? Problem)> VersionsAsync(string package, CancellationToken cancellationToken);

    /// <summary>Installs <paramref name="package"/>@<paramref name="version"/> under <paramref name="prefix"/> (prefix/node_modules/...): null, or npm's error.</summary>
    Task<string?> InstallAsync(string package, string version, string prefix, CancellationToken cancellationToken);
}
