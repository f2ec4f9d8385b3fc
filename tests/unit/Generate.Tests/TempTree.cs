using Conformance.Harness.Scenarios;

namespace Generate.Tests;

/// <summary>
/// A scratch copy of what generate reads and writes (spec/, the feature files, the READMEs, docs/coverage.md, docs/history.md and
/// its data), deleted on dispose, so a test may make it stale without touching the repository.
/// </summary>
public sealed class TempTree : IDisposable
{
    public static readonly string Repository = RepositoryRoot.Find();

    public string Root { get; } = Directory.CreateTempSubdirectory("generate-tests-").FullName;

    public TempTree()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repository, "spec"), "*", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(Repository, "features"), "*.feature", SearchOption.AllDirectories))
            .Concat(new[] { "README.md", "docs/coverage.md", "docs/history.md", "docs/history.json" }.Select(f => Path.Combine(Repository, f))))
        {
            var copy = Path.Combine(Root, Path.GetRelativePath(Repository, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public string Read(string relative) => File.ReadAllText(PathOf(relative));

    public void Write(string relative, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(PathOf(relative))!);
        File.WriteAllText(PathOf(relative), text);
    }

    /// <summary>Every file of the tree and its bytes, to show that a run wrote nothing.</summary>
    public IReadOnlyDictionary<string, string> Snapshot() =>
        Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(Root, f).Replace('\\', '/'), f => Convert.ToBase64String(File.ReadAllBytes(f)));

    /// <summary>Runs generate on the tree: its exit code and what it printed on each stream.</summary>
    public (int Code, string Output, string Error) Generate(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = Conformance.Generate.GenerateCommand.Run(args, Root, output, error);
        return (code, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
