using System.Diagnostics;
using System.Text.RegularExpressions;
using Conformance.Harness.Scenarios;

namespace Harness.Tests.Repository;

/// <summary>
/// Every repository-relative path a tracked document or source file cites (a Markdown link, a path in backticks, or a path in a
/// code comment starting with a top-level folder) exists, and nothing points outside the repository (<c>../shared</c>,
/// <c>/work/</c>): a newcomer has only the repository.
/// </summary>
public sealed partial class PathReferenceTests
{
    private static readonly string Root = RepositoryRoot.Find();
    private static readonly string[] Extensions = [".md", ".cs", ".ps1", ".props", ".sh", ".js", ".mjs", ".json", ".feature", ".csproj"];

    private static IReadOnlyList<string> TrackedTextFiles()
    {
        var info = new ProcessStartInfo("git") { RedirectStandardOutput = true, WorkingDirectory = Root };
        foreach (var a in new[] { "ls-files", "-z" }) info.ArgumentList.Add(a);
        using var git = System.Diagnostics.Process.Start(info)!;
        var output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        Assert.Equal(0, git.ExitCode);
        return [.. output.Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Where(f => Extensions.Contains(Path.GetExtension(f)) && !f.Contains("node_modules/", StringComparison.Ordinal))];
    }

    private static IEnumerable<string> TopLevelFolders() =>
        Directory.EnumerateDirectories(Root).Select(Path.GetFileName).OfType<string>().Where(n => n is not ("bin" or "obj" or ".git" or "reports"));

    /// <summary>(line, path) of every cited path in <paramref name="text"/>.</summary>
    public static IEnumerable<(int Line, string Path, bool RelativeToFile)> Citations(string text, bool markdown, IReadOnlyCollection<string> folders)
    {
        var bare = new Regex($@"(?<![\w./<{{`-])(?:{string.Join("|", folders.Select(Regex.Escape))})/[\w./&;-]*[\w/;]");
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (markdown)
                foreach (Match link in MarkdownLink().Matches(line))
                    yield return (i + 1, link.Groups[1].Value, true);
            foreach (Match code in Backticked().Matches(line))
                if (LooksLikePath(code.Groups[1].Value, folders)) yield return (i + 1, code.Groups[1].Value, false);
            foreach (Match path in bare.Matches(line)) yield return (i + 1, path.Value, false);
        }
    }

    private static bool LooksLikePath(string text, IReadOnlyCollection<string> folders) =>
        PathLike().IsMatch(text) && (folders.Any(f => text.StartsWith(f + "/", StringComparison.Ordinal)) || text.StartsWith("../", StringComparison.Ordinal));

    private static bool Exists(string file, string path)
    {
        var clean = path.Split('#', '?')[0].TrimEnd('/', '.', ';');
        if (clean.Length == 0) return true;
        var fromRoot = Path.Combine(Root, clean);
        var fromFile = Path.Combine(Root, Path.GetDirectoryName(file) ?? "", clean);
        return File.Exists(fromFile) || Directory.Exists(fromFile) || File.Exists(fromRoot) || Directory.Exists(fromRoot);
    }

    /// <summary>This file names the outside paths it looks for.</summary>
    private const string ThisFile = "tests/unit/Harness.Tests/Repository/PathReferenceTests.cs";

    private static bool IsPlaceholder(string path) =>
        path.Contains('<') || path.Contains("&lt;", StringComparison.Ordinal) || path.Contains('*') || path.Contains('{');

    /// <summary>Documents are read whole; in code only comment lines cite paths (string literals are test data).</summary>
    private static string CitingText(string file, string text)
    {
        if (file.EndsWith(".md", StringComparison.Ordinal)) return text;
        var comment = Path.GetExtension(file) is ".sh" or ".ps1" or ".feature" ? new[] { "#" } : ["//", "*", "/*", "/**", "<!--"];
        return string.Join('\n', text.Split('\n').Select(l => comment.Any(c => l.TrimStart().StartsWith(c, StringComparison.Ordinal)) ? l : ""));
    }

    [Fact]
    public void Every_cited_repository_path_exists_and_none_points_outside_the_repository()
    {
        var folders = TopLevelFolders().ToArray();
        var problems = new List<string>();
        // Generated folders (.gitignore's plain names such as StrykerOutput/, reports/) exist only after a run.
        var ignored = File.ReadAllLines(Path.Combine(Root, ".gitignore")).Select(l => l.Trim().Trim('/'))
            .Where(l => l.Length > 0 && !l.Contains('*') && !l.StartsWith('#')).ToArray();
        foreach (var file in TrackedTextFiles())
        {
            var text = CitingText(file, File.ReadAllText(Path.Combine(Root, file)));
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length && file != ThisFile; i++)
                if (Outside().IsMatch(lines[i])) problems.Add($"{file}:{i + 1}: points outside the repository: {lines[i].Trim()}");
            foreach (var (line, path, _) in Citations(text, file.EndsWith(".md", StringComparison.Ordinal), folders))
                if (!IsPlaceholder(path) && !ignored.Any(i => path.Split('/').Contains(i)) && !Exists(file, path))
                    problems.Add($"{file}:{line}: {path} does not exist");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_scan_finds_a_missing_path_a_link_and_an_outside_path()
    {
        var found = Citations("see `tests/Nowhere/x.cs` and [x](../x.md) and tests/Also/missing.cs.", markdown: true, ["tests"]).Select(c => c.Path);
        Assert.Equal(["../x.md", "tests/Nowhere/x.cs", "tests/Also/missing.cs"], found);
        Assert.Matches(Outside(), "read ../shared/seed/page.txt");
        Assert.Matches(Outside(), "cp -a /work/main here");
    }

    [GeneratedRegex(@"\]\((?!https?:|mailto:|#|<)([^)\s]+)\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex("`([^`\\s]+)`")]
    private static partial Regex Backticked();

    [GeneratedRegex(@"^[\w./<>*{}-]+$")]
    private static partial Regex PathLike();

    [GeneratedRegex(@"\.\./shared\b|(?<![\w.])/work/")]
    private static partial Regex Outside();
}
