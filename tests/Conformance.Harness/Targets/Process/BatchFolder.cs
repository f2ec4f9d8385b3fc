using System.Text;
using Conformance.Harness.Scenarios;

namespace Conformance.Harness.Targets.Process;

/// <summary>
/// The temporary folder of one batch attempt (spec/trace-format.md, TF-1b), shared by the workerd and the Node-style batch
/// runs: each program's modules in its own folder <c>p&lt;k&gt;/</c> with its batched trace module, and the folder removed
/// afterwards. A folder that cannot be prepared gives an attempt with no results, so each program runs alone and reports
/// its own problem.
/// </summary>
internal static class BatchFolder
{
    /// <summary>Runs <paramref name="run"/> with a fresh folder and a fresh nonce for the batch's process (TF-1c).</summary>
    public static async Task<BatchSettlement.Attempt> AttemptAsync(int programs, Func<string, string, Task<BatchSettlement.Attempt>> run)
    {
        DirectoryInfo? folder = null;
        try
        {
            folder = Directory.CreateTempSubdirectory("conformance-batch-");
            return await run(folder.FullName, TraceProtocol.NewNonce()).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return new BatchSettlement.Attempt(new TargetRun?[programs], null); // each program alone reports its own preparation problem
        }
        finally
        {
            try { folder?.Delete(recursive: true); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* a leftover temp folder is not worth failing for */ }
        }
    }

    /// <summary>Writes program <paramref name="key"/>'s modules into <c>p&lt;key&gt;/</c> under <paramref name="folder"/>; returns that folder.</summary>
    public static string WriteProgram(string folder, int key, ScenarioProgram program, DriverFiles driver, string nonce)
    {
        var utf8 = new UTF8Encoding(false);
        var own = Directory.CreateDirectory(Path.Combine(folder, BatchSettlement.ProgramName(key))).FullName;
        foreach (var (name, text) in driver.ModulesFor(program))
        {
            var source = name == DriverFiles.TraceModule ? TraceProtocol.ProvenTraceModule(text, nonce, key) : text;
            File.WriteAllText(Path.Combine(own, name), source, utf8);
        }
        return own;
    }
}
