using System.Text;
using CliWrap;

namespace Conformance.Harness.Targets.Process;

/// <summary>Runs `&lt;binary&gt; --version` once, so a binary that exists but cannot start here is reported as unavailable.</summary>
internal static class VersionProbe
{
    /// <summary>The first line of `&lt;binary&gt; --version` (e.g. <c>workerd 2026-11-17</c>), or null when it fails.</summary>
    public static async Task<string?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var output = new StringBuilder();
        try
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            cts.CancelAfter(TimeSpan.FromSeconds(30));
            var result = await Cli.Wrap(path)
                .WithArguments(["--version"])
                .WithValidation(CommandResultValidation.None)
                .WithStandardOutputPipe(PipeTarget.ToStringBuilder(output))
                .ExecuteAsync(cts.Token);
            var first = output.ToString().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            return result.ExitCode == 0 ? first : null;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    public static async Task<string?> CheckAsync(string name, string path, CancellationToken cancellationToken)
    {
        var output = new StringBuilder();
        try
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            cts.CancelAfter(TimeSpan.FromSeconds(30));
            var result = await Cli.Wrap(path)
                .WithArguments(["--version"])
                .WithValidation(CommandResultValidation.None)
                .WithStandardOutputPipe(PipeTarget.ToStringBuilder(output))
                .WithStandardErrorPipe(PipeTarget.ToStringBuilder(output))
                .ExecuteAsync(cts.Token);
            return result.ExitCode == 0 ? null : $"{name}: `{path} --version` failed with exit code {result.ExitCode}: {output.ToString().Trim()}";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"{name}: `{path} --version` did not answer within 30 s";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return $"{name}: {path} cannot start here: {e.Message}";
        }
    }
}
