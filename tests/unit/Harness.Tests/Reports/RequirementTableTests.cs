using Conformance.Harness.Reports;

namespace Harness.Tests.Reports;

public sealed class RequirementTableTests
{
    private static ScenarioResult Result(string target, string id, string status, string profile, params string[] requirements) => new()
    {
        Id = id, Feature = "f.feature", Name = id, Target = target, Status = status, Verdict = "x", Profile = profile,
        Requirements = requirements, Expected = status == "PASS",
    };

    private static readonly RequirementTable Table = new(
    [
        Result("reference", "a/1", "PASS", "documented", "ALS-RUN-1"),
        Result("reference", "a/2", "PASS", "documented", "ALS-RUN-1", "ALS-RUN-2"),
        Result("reference", "a/3", "PASS", "caveat", "ALS-CAV-1"),
        Result("node", "a/1", "PASS", "documented", "ALS-RUN-1"),
        Result("node", "a/2", "FAIL", "documented", "ALS-RUN-1", "ALS-RUN-2"),
        Result("node", "a/3", "SKIP", "caveat", "ALS-CAV-1"),
    ]);

    [Fact]
    public void Cells_count_passes_over_run_scenarios()
    {
        Assert.Equal(["reference", "node"], Table.Targets);
        Assert.Equal(["ALS-CAV-1", "ALS-RUN-1", "ALS-RUN-2"], Table.Requirements);
        Assert.Equal("pass 2/2", Table.CellFor("ALS-RUN-1", "reference").Text);
        Assert.Equal("FAIL 1/2", Table.CellFor("ALS-RUN-1", "node").Text);
        Assert.Equal("skip", Table.CellFor("ALS-CAV-1", "node").Text);
        Assert.Equal("none", new RequirementTable([Result("x", "a", "PASS", "documented")]).CellFor("ALS-RUN-1", "x").State);
    }

    [Fact]
    public void Markdown_has_profile_rates_and_a_requirement_row_per_id()
    {
        var md = Table.RenderMarkdown();
        Assert.Contains("| profile | reference | node |", md);
        Assert.Contains("| documented | 2/2 (100%) | 1/2 (50%) |", md);
        Assert.Contains("| caveat | 1/1 (100%) | skip |", md);
        Assert.Contains("| erratum | — | — |", md);
        Assert.Contains("| ALS-RUN-2 | pass 1/1 | FAIL 0/1 |", md);
    }

    [Fact]
    public void Html_marks_cells_by_state_and_escapes_text()
    {
        var html = new RequirementTable([Result("a<b>", "x", "FAIL", "documented", "ALS-RUN-1")]).RenderHtml();
        Assert.Contains("<th>a&lt;b&gt;</th>", html);
        Assert.Contains("<td class=\"fail\">FAIL 0/1</td>", html);
    }

    [Fact]
    public void Results_round_trip_through_jsonl_folders()
    {
        using var temp = new TempDirectory();
        foreach (var target in new[] { "reference", "node" })
        {
            var dir = Directory.CreateDirectory(Path.Combine(temp.Path, target)).FullName;
            var journal = new ResultsJournal(dir);
            journal.Add(Result(target, "a/1", target == "node" ? "FAIL" : "PASS", "documented", "ALS-RUN-1"));
        }

        var table = RequirementTable.Load([Path.Combine(temp.Path, "reference"), Path.Combine(temp.Path, "node")]);
        table.WriteTo(temp.Path);

        Assert.Contains("| ALS-RUN-1 | pass 1/1 | FAIL 0/1 |", File.ReadAllText(Path.Combine(temp.Path, "requirement-table.md")));
        Assert.True(File.Exists(Path.Combine(temp.Path, "requirement-table.html")));
    }
}
