namespace Conformance.Harness.Scenarios;

/// <summary>The repository's root folder: the nearest folder above the running assembly that holds Conformance.sln.</summary>
public static class RepositoryRoot
{
    public const string MarkerFile = "Conformance.sln";

    /// <summary>Walks up from <paramref name="start"/> (default: AppContext.BaseDirectory) to the folder containing Conformance.sln.</summary>
    public static string Find(string? start = null)
    {
        for (var dir = new DirectoryInfo(start ?? AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, MarkerFile))) return dir.FullName;
        }
        throw new DirectoryNotFoundException($"no folder above {start ?? AppContext.BaseDirectory} contains {MarkerFile}");
    }
}
