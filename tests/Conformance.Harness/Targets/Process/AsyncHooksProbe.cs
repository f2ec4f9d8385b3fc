using System.Text;
using CliWrap;

namespace Conformance.Harness.Targets.Process;

/// <summary>
/// Whether a Node-like runtime has what the bridge needs at all: <c>node:async_hooks</c> with an <c>AsyncLocalStorage</c> class
/// (spec/runtime-bridges.md, "Versioned targets"). One tiny module, run once per target.
/// </summary>
internal static class AsyncHooksProbe
{
    private const string Module = """
        import('node:async_hooks').then(
          (m) => console.log(typeof m.AsyncLocalStorage === 'function' ? 'als: yes' : 'als: no AsyncLocalStorage'),
          (e) => console.log('als: no node:async_hooks: ' + (e && e.message)));
        """;

    /// <summary>Null when the runtime has it; otherwise an unavailability reason that says so.</summary>
    public static async Task<string?> CheckAsync(string name, string binary, IReadOnlyList<string> argumentsBeforeEntry,
        IReadOnlyDictionary<string, string?> environment, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("conformance-probe-");
        var output = new StringBuilder();
        try
        {
            var entry = Path.Combine(folder.FullName, "probe.mjs");
            await File.WriteAllTextAsync(entry, Module, cancellationToken);
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            cts.CancelAfter(TimeSpan.FromSeconds(30));
            var result = await Cli.Wrap(binary).WithArguments([.. argumentsBeforeEntry, entry]).WithWorkingDirectory(folder.FullName)
                .WithEnvironmentVariables(environment).WithValidation(CommandResultValidation.None)
                .WithStandardOutputPipe(PipeTarget.ToStringBuilder(output)).WithStandardErrorPipe(PipeTarget.ToStringBuilder(output))
                .ExecuteAsync(cts.Token);
            var text = output.ToString().Trim();
            if (text.Contains("als: yes", StringComparison.Ordinal)) return null;
            var said = text.Split('\n').FirstOrDefault(l => l.StartsWith("als: ", StringComparison.Ordinal));
            return said is not null
                ? $"{name} is unavailable: the suite needs node:async_hooks with AsyncLocalStorage, and this release has {said[5..]}"
                : $"{name} is unavailable: it could not import node:async_hooks (exit code {result.ExitCode}): {(text.Length > 500 ? text[..500] : text)}";
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return $"{name}: could not check for node:async_hooks: {e.Message}";
        }
        finally
        {
            try { folder.Delete(recursive: true); } catch (IOException) { }
        }
    }
}
