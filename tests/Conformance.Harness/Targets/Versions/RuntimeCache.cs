namespace Conformance.Harness.Targets.Versions;

/// <summary>How resolving a versioned target ended: a binary that starts, a usage error (exit 2), or an unavailable runtime (exit 3).</summary>
public enum ResolutionKind
{
    Ready,
    UsageError,
    Unavailable,
}

/// <param name="Binary">The runtime's binary in the cache (Ready only).</param>
/// <param name="FromCache">Whether it was installed by an earlier run.</param>
public sealed record Resolution(ResolutionKind Kind, string Message, string? Binary = null, bool FromCache = false);

/// <summary>
/// The runtimes installed at exact versions, outside the repository: one folder per release,
/// <c>&lt;root&gt;/&lt;package with '/' as '+'&gt;@&lt;version&gt;/</c>, reused across runs. A release is installed into a temporary
/// folder beside them, checked (its binary exists and starts), and only then renamed into place, so a failed install leaves
/// nothing in the cache that a later run could mistake for a complete one.
/// </summary>
public sealed class RuntimeCache(string root, INpmClient npm, Func<string, CancellationToken, Task<string?>> startCheck)
{
    /// <summary>The environment variable that chooses the cache (run-conformance.ps1 -RuntimeCache sets it).</summary>
    public const string Variable = "CONFORMANCE_RUNTIME_CACHE";

    public const string TemporaryPrefix = ".installing-";

    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>$CONFORMANCE_RUNTIME_CACHE, else $XDG_CACHE_HOME/workers-als-conformance, else ~/.cache/workers-als-conformance.</summary>
    public static string DefaultRoot(Func<string, string?>? variable = null)
    {
        variable ??= Environment.GetEnvironmentVariable;
        if (variable(Variable) is { Length: > 0 } chosen) return chosen;
        var cacheHome = variable("XDG_CACHE_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(cacheHome, "workers-als-conformance");
    }

    /// <summary>The folder of one release (it exists only once the release is complete).</summary>
    public string FolderOf(RuntimeVersion version) => Path.Combine(Root, $"{version.Family.Package.Replace('/', '+')}@{version.Version}");

    /// <summary>The binary of one release inside <paramref name="folder"/>.</summary>
    public static string BinaryIn(string folder, RuntimeVersion version) =>
        Path.Combine(folder, "node_modules", version.Family.Package, version.Family.Binary);

    /// <summary>The release's binary, installing it first when the cache does not have it.</summary>
    public async Task<Resolution> ResolveAsync(RuntimeVersion version, CancellationToken cancellationToken)
    {
        var folder = FolderOf(version);
        var binary = BinaryIn(folder, version);
        if (File.Exists(binary))
        {
            var problem = await startCheck(binary, cancellationToken);
            return problem is null
                ? new Resolution(ResolutionKind.Ready, $"{version.TargetName}: {binary} (cached)", binary, FromCache: true)
                : new Resolution(ResolutionKind.Unavailable, $"{version.TargetName}: the cached {binary} does not start: {problem} (delete {folder} to install it again)");
        }

        var (versions, listProblem) = await npm.VersionsAsync(version.Family.Package, cancellationToken);
        if (versions is null) return new Resolution(ResolutionKind.Unavailable, $"{version.TargetName}: cannot ask npm which versions exist: {listProblem}");
        if (!versions.Contains(version.Version, StringComparer.Ordinal))
            return new Resolution(ResolutionKind.UsageError, NearestVersions.Message(version, versions));

        Directory.CreateDirectory(Root);
        var temporary = Path.Combine(Root, TemporaryPrefix + Path.GetFileName(folder) + "-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            Directory.CreateDirectory(temporary);
            if (await npm.InstallAsync(version.Family.Package, version.Version, temporary, cancellationToken) is { } installProblem)
                return new Resolution(ResolutionKind.Unavailable, $"{version.TargetName}: the install failed, nothing was kept in the cache: {installProblem}");
            var installed = BinaryIn(temporary, version);
            if (!File.Exists(installed))
                return new Resolution(ResolutionKind.Unavailable, $"{version.TargetName}: npm installed {version.Family.Package}@{version.Version} but it has no {version.Family.Binary}; nothing was kept in the cache");
            MakeExecutable(installed);
            if (await startCheck(installed, cancellationToken) is { } startProblem)
                return new Resolution(ResolutionKind.Unavailable, $"{version.TargetName}: the installed binary does not start here: {startProblem}; nothing was kept in the cache");
            try
            {
                Directory.Move(temporary, folder);
            }
            catch (IOException) when (File.Exists(binary))
            {
                // Another run installed the same release meanwhile: its complete folder wins, ours is removed below.
            }
            return new Resolution(ResolutionKind.Ready, $"{version.TargetName}: installed into {folder}", binary);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new Resolution(ResolutionKind.Unavailable, $"{version.TargetName}: could not install into the cache {Root}: {e.Message}");
        }
        finally
        {
            TryDelete(temporary);
        }
    }

    /// <summary>
    /// Some releases ship their binary without the execute bit (@deno/linux-x64-glibc 1.46.3 and 2.0.0: the `deno` wrapper package's
    /// install script sets it, and installs here run no scripts): the bit is set, as that script does, before the start check.
    /// </summary>
    public static void MakeExecutable(string binary)
    {
        if (OperatingSystem.IsWindows()) return;
        var mode = File.GetUnixFileMode(binary);
        const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        if ((mode & UnixFileMode.UserExecute) == 0) File.SetUnixFileMode(binary, mode | execute);
    }

    private static void TryDelete(string folder)
    {
        try { if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* best effort: a leftover has the temporary prefix, never a release's name */ }
    }
}
