using Conformance.Harness.Targets.Versions;

namespace Harness.Tests.Versions;

/// <summary>
/// The runtime cache installs a release into a temporary folder and renames it into place only once its binary exists and
/// starts: a failure at any step leaves nothing in the cache (with a fake npm; no download).
/// </summary>
public sealed class RuntimeCacheTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private static readonly RuntimeVersion Bun = RuntimeVersion.TryParse("bun@1.3.14", out _)!;

    public void Dispose() => _temp.Dispose();

    private sealed class FakeNpm(IReadOnlyList<string>? versions, bool writeBinary = true, string? installError = null) : INpmClient
    {
        public int Installs { get; private set; }
        public int Views { get; private set; }

        public Task<(IReadOnlyList<string>? Versions, string? Problem)> VersionsAsync(string package, CancellationToken cancellationToken)
        {
            Views++;
            return Task.FromResult(versions is null ? ((IReadOnlyList<string>?)null, (string?)"npm is offline") : (versions, null));
        }

        public Task<string?> InstallAsync(string package, string version, string prefix, CancellationToken cancellationToken)
        {
            Installs++;
            // Half an install: npm wrote something before failing (or before the binary).
            Directory.CreateDirectory(Path.Combine(prefix, "node_modules", package));
            File.WriteAllText(Path.Combine(prefix, "node_modules", package, "package.json"), "{}");
            if (writeBinary && installError is null)
            {
                var binary = Path.Combine(prefix, "node_modules", package, "bin", "bun");
                Directory.CreateDirectory(Path.GetDirectoryName(binary)!);
                File.WriteAllText(binary, "fake");
            }
            return Task.FromResult(installError);
        }
    }

    private RuntimeCache Cache(INpmClient npm, string? startProblem = null) =>
        new(_temp.File("cache"), npm, (_, _) => Task.FromResult(startProblem));

    /// <summary>Whatever is in the cache folder: complete releases and any leftover.</summary>
    private string[] CacheEntries() =>
        Directory.Exists(_temp.File("cache")) ? [.. Directory.EnumerateFileSystemEntries(_temp.File("cache")).Select(Path.GetFileName).OfType<string>()] : [];

    [Fact]
    public async Task Installs_then_reuses_the_release()
    {
        var npm = new FakeNpm(["1.3.13", "1.3.14"]);
        var cache = Cache(npm);
        var first = await cache.ResolveAsync(Bun, CancellationToken.None);
        Assert.Equal(ResolutionKind.Ready, first.Kind);
        Assert.False(first.FromCache);
        Assert.Equal(Path.Combine(cache.FolderOf(Bun), "node_modules", "@oven", "bun-linux-x64", "bin", "bun"), first.Binary);
        Assert.Equal(["@oven+bun-linux-x64@1.3.14"], CacheEntries());

        var second = await cache.ResolveAsync(Bun, CancellationToken.None);
        Assert.Equal(ResolutionKind.Ready, second.Kind);
        Assert.True(second.FromCache);
        Assert.Equal(1, npm.Installs);
        Assert.Equal(1, npm.Views);
    }

    [Fact]
    public async Task An_unknown_version_is_a_usage_error_naming_the_nearest_and_installs_nothing()
    {
        var npm = new FakeNpm(["1.3.12", "1.3.13", "1.4.0"]);
        var result = await Cache(npm).ResolveAsync(Bun, CancellationToken.None);
        Assert.Equal(ResolutionKind.UsageError, result.Kind);
        Assert.Contains("1.3.12, 1.3.13, 1.4.0", result.Message);
        Assert.Equal(0, npm.Installs);
        Assert.Empty(CacheEntries());
    }

    [Fact]
    public async Task A_failed_install_leaves_nothing_in_the_cache()
    {
        var result = await Cache(new FakeNpm(["1.3.14"], installError: "E404")).ResolveAsync(Bun, CancellationToken.None);
        Assert.Equal(ResolutionKind.Unavailable, result.Kind);
        Assert.Contains("E404", result.Message);
        Assert.Empty(CacheEntries());
    }

    [Fact]
    public async Task An_install_without_the_binary_leaves_nothing_in_the_cache()
    {
        var result = await Cache(new FakeNpm(["1.3.14"], writeBinary: false)).ResolveAsync(Bun, CancellationToken.None);
        Assert.Equal(ResolutionKind.Unavailable, result.Kind);
        Assert.Contains("has no bin/bun", result.Message);
        Assert.Empty(CacheEntries());
    }

    [Fact]
    public async Task A_binary_that_does_not_start_leaves_nothing_in_the_cache()
    {
        var result = await Cache(new FakeNpm(["1.3.14"]), startProblem: "exec format error").ResolveAsync(Bun, CancellationToken.None);
        Assert.Equal(ResolutionKind.Unavailable, result.Kind);
        Assert.Contains("does not start here: exec format error", result.Message);
        Assert.Empty(CacheEntries());
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_binary_shipped_without_the_execute_bit_is_made_executable_before_the_start_check()
    {
        if (OperatingSystem.IsWindows()) return;
        UnixFileMode? seen = null;
        var cache = new RuntimeCache(_temp.File("cache"), new FakeNpm(["1.3.14"]), (binary, _) =>
        {
            seen = File.GetUnixFileMode(binary);
            return Task.FromResult<string?>(null);
        });
        var result = await cache.ResolveAsync(Bun, CancellationToken.None);
        Assert.Equal(ResolutionKind.Ready, result.Kind);
        Assert.True((seen!.Value & UnixFileMode.UserExecute) != 0, $"the start check saw mode {seen}");
        Assert.True((File.GetUnixFileMode(result.Binary!) & UnixFileMode.UserExecute) != 0);
    }

    [Fact]
    public async Task Npm_that_cannot_list_versions_makes_the_target_unavailable()
    {
        var result = await Cache(new FakeNpm(null)).ResolveAsync(Bun, CancellationToken.None);
        Assert.Equal(ResolutionKind.Unavailable, result.Kind);
        Assert.Contains("npm is offline", result.Message);
    }

    [Theory]
    [InlineData("/chosen", null, "/chosen")]
    [InlineData(null, "/xdg", "/xdg/workers-als-conformance")]
    public void The_cache_root_is_chosen_by_variable(string? chosen, string? xdg, string expected)
    {
        var vars = new Dictionary<string, string?> { [RuntimeCache.Variable] = chosen, ["XDG_CACHE_HOME"] = xdg };
        Assert.Equal(expected, RuntimeCache.DefaultRoot(name => vars.GetValueOrDefault(name)));
    }
}
