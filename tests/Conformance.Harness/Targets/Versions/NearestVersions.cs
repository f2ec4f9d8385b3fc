namespace Conformance.Harness.Targets.Versions;

/// <summary>The versions npm offers nearest to one it does not have, for the usage error of an unknown version.</summary>
public static class NearestVersions
{
    /// <summary>Up to <paramref name="each"/> versions below and above <paramref name="requested"/>, in version order.</summary>
    public static IReadOnlyList<string> Around(string requested, IEnumerable<string> available, int each = 3)
    {
        var sorted = available.Distinct(StringComparer.Ordinal).OrderBy(v => v, VersionOrder.Instance).ToList();
        var below = sorted.Where(v => VersionOrder.Instance.Compare(v, requested) < 0).TakeLast(each);
        var above = sorted.Where(v => VersionOrder.Instance.Compare(v, requested) > 0).Take(each);
        return [.. below, .. above];
    }

    /// <summary>The message: "npm has no bun@1.3.99; nearest: 1.3.12, 1.3.13, 1.3.14, 1.4.0 (N versions in all)".</summary>
    public static string Message(RuntimeVersion version, IReadOnlyCollection<string> available)
    {
        var near = Around(version.Version, available);
        var list = near.Count == 0 ? "npm lists no version at all" : $"nearest versions npm offers: {string.Join(", ", near)}";
        return $"npm has no {version.Family.Package}@{version.Version} (target {version.TargetName}); {list} ({available.Count} versions in all: npm view {version.Family.Package} versions --json)";
    }
}

/// <summary>Orders versions by their numeric parts (1.10.0 after 1.9.0); a pre-release sorts before its release.</summary>
public sealed class VersionOrder : IComparer<string>
{
    public static VersionOrder Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null) return string.CompareOrdinal(x, y);
        var (xCore, xPre) = Split(x);
        var (yCore, yPre) = Split(y);
        for (var i = 0; i < Math.Max(xCore.Length, yCore.Length); i++)
        {
            var a = i < xCore.Length ? xCore[i] : 0;
            var b = i < yCore.Length ? yCore[i] : 0;
            if (a != b) return a.CompareTo(b);
        }
        if (xPre == yPre) return 0;
        if (xPre is null) return 1;
        if (yPre is null) return -1;
        return string.CompareOrdinal(xPre, yPre);
    }

    private static (long[] Core, string? Pre) Split(string version)
    {
        var dash = version.IndexOf('-');
        var core = dash < 0 ? version : version[..dash];
        var parts = core.Split('.').Select(p => long.TryParse(p, out var n) ? n : 0).ToArray();
        return (parts, dash < 0 ? null : version[(dash + 1)..]);
    }
}
