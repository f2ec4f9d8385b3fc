using System.Text;
using Conformance.Harness.Scenarios;

namespace Conformance.Harness.Targets.Process;

/// <summary>
/// The files of one process run: the modules of spec/trace-format.md ("What runs", rendered by
/// <see cref="DriverFiles"/> and <see cref="PlanModule"/>) plus the process targets' own host files.
/// </summary>
internal static class ProgramFiles
{
    public const string Driver = DriverFiles.DriverModule;
    public const string Host = "host.mjs";
    public const string Config = "config.capnp";

    /// <summary>The program's service name: workerd's config names it so, and the node-host bridge reports under it (TF-13).</summary>
    public const string Service = "main";

    public static string NodeHostSource(string repositoryRoot) => Path.Combine(repositoryRoot, "targets", "hosts", "node-host.mjs");

    /// <summary>
    /// Writes program, plan, trace and driver modules (<see cref="DriverFiles.ModulesFor"/>) into <paramref name="folder"/>,
    /// the trace module's prefix carrying the run's <paramref name="nonce"/> (TF-1c).
    /// </summary>
    public static void WriteCommon(string folder, DriverFiles driver, ScenarioProgram program, string nonce)
    {
        var utf8 = new UTF8Encoding(false);
        foreach (var (name, text) in driver.ModulesFor(program))
            File.WriteAllText(Path.Combine(folder, name), name == DriverFiles.TraceModule ? TraceProtocol.ProvenTraceModule(text, nonce) : text, utf8);
    }

    public static void WriteNodeHost(string folder, string repositoryRoot) =>
        File.Copy(NodeHostSource(repositoryRoot), Path.Combine(folder, Host));
}
