using System.Security.Cryptography;
using Conformance.Harness.Targets.Versions;

namespace Conformance.Cli.Run;

/// <summary>
/// Where the installed tool keeps the pinned runtimes (targets/package.json): never in the package's install folder, but in
/// &lt;runtime cache&gt;/pinned-&lt;digest of package-lock.json&gt; (default ~/.cache/workers-als-conformance), installed there by
/// npm the first time a target needs them, as the harness does in a clone (RuntimeInstaller).
/// </summary>
internal static class PinnedRuntimes
{
    public const string Variable = "CONFORMANCE_PINNED_RUNTIMES";

    public static void UseCache(string contentRoot)
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 }) return;
        var lockFile = Path.Combine(contentRoot, "targets", "package-lock.json");
        var digest = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(lockFile)))[..12];
        Environment.SetEnvironmentVariable(Variable, Path.Combine(RuntimeCache.DefaultRoot(), $"pinned-{digest}"));
    }
}
