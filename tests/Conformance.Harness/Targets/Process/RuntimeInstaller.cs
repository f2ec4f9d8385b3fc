using System.Collections.Concurrent;
using System.Text;
using CliWrap;

namespace Conformance.Harness.Targets.Process;

/// <summary>
/// Installs the pinned runtimes (targets/package.json) with `npm ci --prefix targets` the first time a target
/// finds targets/node_modules missing: once per repository per process, whoever asks first, the others wait. With
/// CONFORMANCE_PINNED_RUNTIMES (the packaged tool sets it: issue 21 item 1) they live in that folder instead, installed there
/// from a copy of targets/package.json and its lock, so an installed package's folder is never written.
/// </summary>
internal static class RuntimeInstaller
{
    public const string InstallHint = "install the pinned runtimes with `npm ci --prefix targets`";

    private static readonly ConcurrentDictionary<string, Lazy<Task<string?>>> Installs = new(StringComparer.Ordinal);

    public const string FolderVariable = "CONFORMANCE_PINNED_RUNTIMES";

    public static string NodeModules(string repositoryRoot) => Path.Combine(Prefix(repositoryRoot), "node_modules");

    /// <summary>npm's prefix for the pinned runtimes: CONFORMANCE_PINNED_RUNTIMES, else targets/ in the repository.</summary>
    private static string Prefix(string repositoryRoot) =>
        Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } folder ? Path.GetFullPath(folder) : Path.Combine(repositoryRoot, "targets");

    /// <summary>Null when targets/node_modules exists (now, or after installing); otherwise npm's error.</summary>
    public static Task<string?> EnsureInstalledAsync(string repositoryRoot, ProcessTargetOptions options)
    {
        if (Directory.Exists(NodeModules(repositoryRoot))) return Task.FromResult<string?>(null);
        var key = Path.GetFullPath(repositoryRoot);
        return Installs.GetOrAdd(key, root => new Lazy<Task<string?>>(() => InstallAsync(root, options))).Value;
    }

    private static async Task<string?> InstallAsync(string repositoryRoot, ProcessTargetOptions options)
    {
        var npm = Executables.FindOnPath("npm");
        if (npm is null) return $"targets/node_modules is missing and npm is not on PATH; {InstallHint}";
        var output = new StringBuilder();
        var prefix = Prefix(repositoryRoot);
        try
        {
            if (prefix != Path.Combine(repositoryRoot, "targets"))
            {
                Directory.CreateDirectory(prefix);
                foreach (var file in new[] { "package.json", "package-lock.json" })
                    File.Copy(Path.Combine(repositoryRoot, "targets", file), Path.Combine(prefix, file), overwrite: true);
            }
            using var cts = new CancellationTokenSource(options.InstallTimeout);
            var result = await Cli.Wrap(npm)
                .WithArguments(["ci", "--prefix", prefix, "--no-audit", "--no-fund"])
                .WithWorkingDirectory(repositoryRoot)
                .WithValidation(CommandResultValidation.None)
                .WithStandardOutputPipe(PipeTarget.ToStringBuilder(output))
                .WithStandardErrorPipe(PipeTarget.ToStringBuilder(output))
                .ExecuteAsync(cts.Token);
            if (result.ExitCode == 0 && Directory.Exists(NodeModules(repositoryRoot))) return null;
            return $"`npm ci --prefix targets` failed (exit code {result.ExitCode}): {Tail(output.ToString())}";
        }
        catch (Exception e)
        {
            return $"`npm ci --prefix targets` could not run: {e.Message} {Tail(output.ToString())}".TrimEnd();
        }
    }

    private static string Tail(string text) => text.Length > 2000 ? "..." + text[^2000..] : text.Trim();
}
