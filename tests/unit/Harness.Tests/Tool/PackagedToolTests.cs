using Conformance.Harness.Reports;
using Harness.Tests.Script;

namespace Harness.Tests.Tool;

/// <summary>
/// Issue 21 item 1: the installed tool runs the suite outside any clone with the statuses and exit code of run-conformance.ps1,
/// reads the user's own known-failure list, writes reports only in the user's folder and never into its install folder, and
/// refuses a bad option with exit 2 naming it.
/// </summary>
public sealed class PackagedToolTests(PackagedTool tool) : IClassFixture<PackagedTool>
{
    // A handful of scenarios, all passing on the reference.
    private const string Requirement = "ALS-RUN-1";

    private static Dictionary<string, (string Status, bool Expected)> Rows(string reportDir) =>
        ScenarioResult.ReadAll(Path.Combine(reportDir, "reference", ResultsJournal.FileName)).ToDictionary(r => r.Key!, r => (r.Status, r.Expected));

    [Fact]
    public void The_installed_tool_gives_the_scripts_statuses_and_exit_code_and_leaves_its_install_folder_alone()
    {
        var before = tool.InstallFolder();
        // No --report-dir: the default is ./reports in the user's folder, not the package's (its root is the tool's folder).
        var (exit, output) = tool.Tool("run", "--target", "reference", "--requirement", Requirement);
        Assert.True(exit == 0, output);
        var toolRows = Rows(Path.Combine(tool.User, "reports"));
        Assert.InRange(toolRows.Count, 2, 40);
        Assert.True(File.Exists(Path.Combine(tool.User, "reports", "index.html")), output);
        Assert.Equal(before, tool.InstallFolder());

        var scriptReports = Path.Combine(tool.Scratch, "script-reports");
        var (scriptExit, scriptOutput) = LocalPwsh.Run(tool.Repository,
            ["-File", Path.Combine(tool.Repository, "run-conformance.ps1"), "-Requirement", Requirement, "-ReportDir", scriptReports], TimeSpan.FromMinutes(10));
        Assert.True(scriptExit == exit, $"script exit {scriptExit}, tool exit {exit}:\n{scriptOutput}");
        Assert.Equal(Rows(scriptReports).OrderBy(r => r.Key), toolRows.OrderBy(r => r.Key));
    }

    [Fact]
    public void The_users_own_list_is_the_one_judged_against()
    {
        // A list that pins a passing scenario as failing: judged against it, the pass is unexpected (exit 1); the package's own
        // list (the default) has no such entry, so a run that ignored --expectations would exit 0.
        var probe = Path.Combine(tool.Scratch, "probe");
        Assert.Equal(0, tool.Tool("run", "--requirement", Requirement, "--report-dir", probe).Exit);
        var id = ScenarioResult.ReadAll(Path.Combine(probe, "reference", ResultsJournal.FileName))[0].Id;
        File.WriteAllText(Path.Combine(tool.User, "my-list.txt"), $"{id} | TIMEOUT | pinned by this test to see that the user's list is read\n");
        var before = tool.InstallFolder();

        var (exit, output) = tool.Tool("run", "--requirement", Requirement, "--expectations", "my-list.txt", "--report-dir", "own-list");
        Assert.True(exit == 1, $"exit {exit}:\n{output}");
        Assert.Contains(id, output);
        var row = Rows(Path.Combine(tool.User, "own-list"))[id];
        Assert.Equal(("PASS", false), row); // a listed pass
        Assert.Equal(before, tool.InstallFolder());
    }

    [Fact]
    public void The_installed_tool_bisects_on_the_suite_it_carries()
    {
        // The reference over two compatibility dates: both ends run from the package's suite; nothing in the selection changes.
        var reports = Path.Combine(tool.Scratch, "bisect");
        var before = tool.InstallFolder();
        var (exit, output) = tool.Tool("run", "--bisect", "--target", "reference", "--compatibility-date", "2025-01-01..2025-01-02",
            "--requirement", Requirement, "--report-dir", reports);
        Assert.True(exit == 0, $"exit {exit}:\n{output}");
        Assert.Contains("bisect: 2 releases, 2025-01-01 .. 2025-01-02", output);
        Assert.Contains("no change in the range", output);
        Assert.NotEmpty(ScenarioResult.ReadAll(Path.Combine(reports, "bisect", "reference-2025-01-01", ResultsJournal.FileName)));
        Assert.Equal(before, tool.InstallFolder());
    }

    [Theory]
    [InlineData("--timeout|0", "--timeout 0: takes seconds per scenario")]
    [InlineData("--shard|5/4", "--shard '5/4' is not a shard")]
    [InlineData("--no-such-option", "--no-such-option is not an option of run")]
    [InlineData("--expectations|missing.txt", "--expectations 'missing.txt': no such file")]
    [InlineData("--profile|nope", "unknown profile 'nope'")]
    [InlineData("--accept", "--accept would write into the installed package")]
    [InlineData("--target|no-such-runtime", "no-such-runtime")]
    [InlineData("--bisect|--target|bun@1.0.0..1.1.0", "--bisect takes one --target <runtime>@<from>..<to>")]
    [InlineData("--bisect|--target|reference|--compatibility-date|2025-01-01", "--bisect takes one --target")]
    [InlineData("--history|--target|bun@1.0.0,bun@1.1.0", "--history records docs/history.json and docs/history.md in the suite's own folder")]
    [InlineData("--watch|--target|reference", "watch: \"reference\" is not a pinned target")]
    [InlineData("--since|nope", "--since and --no-flag-finding go with --watch")]
    public void A_bad_option_is_exit_2_naming_it_and_runs_nothing(string arguments, string message)
    {
        var reports = Path.Combine(tool.Scratch, "bad-" + Guid.NewGuid().ToString("N")[..8]);
        var (exit, output) = tool.Tool(["run", .. arguments.Split('|'), "--report-dir", reports]);
        Assert.True(exit == 2, $"exit {exit}:\n{output}");
        Assert.Contains(message, output);
        Assert.False(Directory.Exists(Path.Combine(reports, "reference")), "a target ran");
    }
}
