using System.Collections.Concurrent;
using System.Text;
using CliWrap;

namespace Conformance.Harness.Targets.Process;

/// <summary>
/// Installs the pinned runtimes (targets/package.json) with `npm ci --prefix targets` the first time a target
/// finds targets/node_modules missing: once per repository per process, whoever asks first, the others wait.
/// </summary>
internal static class RuntimeInstaller
{
    public const string InstallHint = "install the pinned runtimes with `npm ci --prefix targets`";

    private static readonly ConcurrentDictionary<string, Lazy<Task<string?>>> Installs = new(StringComparer.Ordinal);

    public static string NodeModules(string repositoryRoot) => Path.Combine(repositoryRoot, "targets", "node_modules");

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
        try
        {
            using var cts = new CancellationTokenSource(options.InstallTimeout);
            var result = await Cli.Wrap(npm)
                .WithArguments(["ci", "--prefix", Path.Combine(repositoryRoot, "targets"), "--no-audit", "--no-fund"])
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
