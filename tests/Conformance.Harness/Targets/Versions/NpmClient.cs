using System.Text;
using System.Text.Json;
using CliWrap;
using Conformance.Harness.Targets.Process;

namespace Conformance.Harness.Targets.Versions;

/// <summary>npm through CliWrap, an argument list and never a shell string: `npm view` and `npm install --prefix`.</summary>
public sealed class NpmClient(TimeSpan installTimeout) : INpmClient
{
    public static NpmClient Default { get; } = new(TimeSpan.FromMinutes(10));

    public async Task<(IReadOnlyList<string>? Versions, string? Problem)> VersionsAsync(string package, CancellationToken cancellationToken)
    {
        var (exit, output, error) = await RunAsync(["view", package, "versions", "--json"], null, TimeSpan.FromMinutes(2), cancellationToken);
        if (exit != 0) return (null, $"`npm view {package} versions --json` failed (exit code {exit}): {Tail(error + output)}");
        try
        {
            using var json = JsonDocument.Parse(output);
            IReadOnlyList<string> versions = json.RootElement.ValueKind switch
            {
                JsonValueKind.Array => [.. json.RootElement.EnumerateArray().Select(e => e.GetString() ?? "")],
                JsonValueKind.String => [json.RootElement.GetString() ?? ""],
                _ => [],
            };
            return (versions, null);
        }
        catch (JsonException e)
        {
            return (null, $"`npm view {package} versions --json` printed something that is not JSON: {e.Message}");
        }
    }

    public async Task<string?> InstallAsync(string package, string version, string prefix, CancellationToken cancellationToken)
    {
        var (exit, output, error) = await RunAsync(
            ["install", "--prefix", prefix, $"{package}@{version}", "--no-audit", "--no-fund", "--ignore-scripts", "--no-save", "--no-package-lock"],
            prefix, installTimeout, cancellationToken);
        return exit == 0 ? null : $"`npm install --prefix {prefix} {package}@{version}` failed (exit code {exit}): {Tail(error + output)}";
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(string[] arguments, string? workingDirectory, TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var npm = Executables.FindOnPath("npm");
        if (npm is null) return (-1, "", "npm is not on PATH (versioned targets install from npm)");
        var output = new StringBuilder();
        var error = new StringBuilder();
        try
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            cts.CancelAfter(timeout);
            var command = Cli.Wrap(npm).WithArguments(arguments).WithValidation(CommandResultValidation.None)
                .WithStandardOutputPipe(PipeTarget.ToStringBuilder(output))
                .WithStandardErrorPipe(PipeTarget.ToStringBuilder(error));
            if (workingDirectory is not null) command = command.WithWorkingDirectory(workingDirectory);
            var result = await command.ExecuteAsync(cts.Token);
            return (result.ExitCode, output.ToString(), error.ToString());
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (-1, output.ToString(), $"npm did not finish within {timeout.TotalSeconds:0} s");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (-1, output.ToString(), $"npm could not run: {e.Message}");
        }
    }

    private static string Tail(string text) => text.Length > 1500 ? "..." + text[^1500..].Trim() : text.Trim();
}
