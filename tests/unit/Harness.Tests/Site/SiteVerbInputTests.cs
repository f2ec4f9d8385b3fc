using System.Diagnostics;

namespace Harness.Tests.Site;

/// <summary>
/// Bad input to the <c>site</c> verb gets a clear error and exit 2, and loses nothing: a folder without results, or with an
/// empty journal (a selection of no rows), is left out with a message while the others are shown; a journal that does not
/// parse names its file.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class SiteVerbInputTests(SiteRunFixture site) : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private async Task<(int Exit, string Output)> SiteAsync(params string[] inputs)
    {
        var dll = BuiltProjects.Cli;
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { dll, "site", "--out", _temp.File("site") }.Concat(inputs)) info.ArgumentList.Add(argument);
        using var process = System.Diagnostics.Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output + await error);
    }

    private string Journal(string name, string text)
    {
        var folder = _temp.File(name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "results.jsonl"), text);
        return folder;
    }

    [Fact]
    public async Task Empty_and_missing_journals_are_left_out_with_a_message_and_the_others_shown()
    {
        var empty = Journal("empty", "\n");
        var (exit, output) = await SiteAsync(empty, _temp.File("missing"), Path.Combine(site.SiteRoot, "reference"));
        Assert.True(exit == 0, output);
        Assert.Contains("holds no results (a selection of no rows): left out", output);
        Assert.Contains("no results.jsonl in " + _temp.File("missing"), output);
        Assert.Contains("(1 target(s): reference)", output);
        Assert.True(File.Exists(_temp.File("site/index.html")));
    }

    [Fact]
    public async Task Nothing_to_show_and_an_unreadable_journal_are_errors()
    {
        var (exit, output) = await SiteAsync(Journal("empty", ""));
        Assert.Equal(2, exit);
        Assert.Contains("site: no results to show", output);

        var broken = Journal("broken", "not json\n");
        (exit, output) = await SiteAsync(broken, Path.Combine(site.SiteRoot, "reference"));
        Assert.Equal(2, exit);
        Assert.Contains($"{Path.Combine(broken, "results.jsonl")} is not a results journal", output);
        Assert.False(File.Exists(_temp.File("site/index.html")));
    }
}
