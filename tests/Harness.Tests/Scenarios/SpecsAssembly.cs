using System.Reflection;
using System.Runtime.Loader;
using Conformance.Harness.Scenarios;

namespace Harness.Tests.Scenarios;

/// <summary>The built Conformance.Specs assembly (a project reference builds it first; it is not referenced as a library).</summary>
internal static class SpecsAssembly
{
    public static string Directory => Path.Combine(RepositoryRoot.Find(), "tests", "Conformance.Specs", "bin",
        new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, "net10.0");

    public static string Dll => Path.Combine(Directory, "Conformance.Specs.dll");

    /// <summary>Loads the assembly in its own load context, resolving its dependencies (Reqnroll) from its own folder.</summary>
    public static Assembly Load()
    {
        Assert.True(File.Exists(Dll), $"{Dll} is not built (dotnet build tests/Conformance.Specs)");
        var context = new AssemblyLoadContext("conformance-specs", isCollectible: true);
        context.Resolving += (ctx, name) =>
            Path.Combine(Directory, name.Name + ".dll") is var path && File.Exists(path) ? ctx.LoadFromAssemblyPath(path) : null;
        return context.LoadFromAssemblyPath(Dll);
    }
}
