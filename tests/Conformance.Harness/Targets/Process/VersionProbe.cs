using System.Text;
using CliWrap;

namespace Conformance.Harness.Targets.Process;

/// <summary>Runs `&lt;binary&gt; --version` once, so a binary that exists but cannot start here is reported as unavailable.</summary>
internal static class VersionProbe
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    /// <summary>The first line of `&lt;binary&gt; --version` (e.g. <c>workerd 2026-11-17</c>), or null when it fails.</summary>
    public static async Task<string?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var (exitCode, stdout, _) = await RunAsync(path, cancellationToken);
            var first = stdout.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            return exitCode == 0 ? first : null;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>Null when `&lt;binary&gt; --version` exits 0 within the limit; otherwise why the runtime cannot run here.</summary>
    public static async Task<string?> CheckAsync(string name, string path, CancellationToken cancellationToken)
    {
        try
        {
            var (exitCode, stdout, stderr) = await RunAsync(path, cancellationToken);
            return exitCode == 0 ? null : $"{name}: `{path} --version` failed with exit code {exitCode}: {(stdout + stderr).Trim()}";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"{name}: `{path} --version` did not answer within {Limit.TotalSeconds:0} s";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return $"{name}: {path} cannot start here: {e.Message}";
        }
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string path, CancellationToken cancellationToken)
    {
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(Limit);
        var result = await Cli.Wrap(path)
            .WithArguments(["--version"])
            .WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(PipeTarget.ToStringBuilder(stdout))
            .WithStandardErrorPipe(PipeTarget.ToStringBuilder(stderr))
            .ExecuteAsync(cts.Token);
        return (result.ExitCode, stdout.ToString(), stderr.ToString());
    }
}
