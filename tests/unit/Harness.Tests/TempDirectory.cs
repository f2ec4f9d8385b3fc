namespace Harness.Tests;

/// <summary>A fresh folder under the system temp folder, deleted on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("harness-tests-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}

/// <summary>The sample features in tests/unit/Harness.Tests/Fixtures, copied so tests may write beside them.</summary>
public static class Fixtures
{
    public static string FeaturesSource => System.IO.Path.Combine(Conformance.Harness.Scenarios.RepositoryRoot.Find(), "tests", "unit", "Harness.Tests", "Fixtures", "features");

    public static string CopyFeaturesTo(TempDirectory temp)
    {
        var target = temp.File("features");
        foreach (var file in Directory.EnumerateFiles(FeaturesSource, "*", SearchOption.AllDirectories))
        {
            if (file.EndsWith(".received.txt", StringComparison.Ordinal)) continue;
            var destination = System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(FeaturesSource, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
        return target;
    }
}
