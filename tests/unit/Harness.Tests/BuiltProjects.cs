using Conformance.Harness.Scenarios;

namespace Harness.Tests;

/// <summary>
/// The suite's built assemblies, found beside this test assembly's own configuration and framework folders
/// (bin/&lt;configuration&gt;/&lt;framework&gt;/), never a spelled-out configuration (issue 17, item 6). The project references of
/// Harness.Tests build them first, so a missing one fails the test that needs it.
/// </summary>
internal static class BuiltProjects
{
    /// <summary>The output folder of the project in <paramref name="projectFolder"/> (relative to the repository root).</summary>
    public static string OutputOf(string projectFolder)
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        return Path.Combine(RepositoryRoot.Find(), projectFolder, "bin", here.Parent!.Name, here.Name);
    }

    /// <summary>The command-line tool's assembly (tests/Conformance.Cli), run with `dotnet &lt;path&gt;`.</summary>
    public static string Cli
    {
        get
        {
            var dll = Path.Combine(OutputOf(Path.Combine("tests", "Conformance.Cli")), "Conformance.Cli.dll");
            Assert.True(File.Exists(dll), $"{dll} is not built (dotnet build tests/Conformance.Cli)");
            return dll;
        }
    }
}
