using System.Text.Json.Nodes;
using Conformance.Harness.Compat;
using Conformance.Harness.Reports;
using Conformance.Harness.Scenarios;
using Conformance.Harness.Targets.Versions;
using Harness.Tests.Reports;

namespace Harness.Tests.Compat;

/// <summary>
/// <c>Conformance.Cli compat</c> (issue 21, item 4; docs/compat.md) on recorded results: Fixtures/compat/ holds rows of real runs
/// (the hand-written scenarios of five requirements on bun 1.0.0, 1.0.36 and 1.1.0 from a history run, a few rows of a whole
/// workerd run and of a reference run), cut down, never edited but for the target a bad-input case renames.
/// </summary>
public sealed class CompatVerbTests : IDisposable
{
    private static readonly string Root = RepositoryRoot.Find();
    private static readonly string FixtureFolder = Path.Combine(Root, "tests", "unit", "Harness.Tests", "Fixtures", "compat");
    private static string History => Path.Combine(FixtureFolder, "history");
    private static string Release(string version) => Path.Combine(History, $"bun@{version}");

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private (int Exit, string Text, JsonObject? Data) Compat(params string[] inputs)
    {
        var output = _temp.File($"compat-{Guid.NewGuid():N}.json");
        var (exit, text) = CliTool.Run(["compat", "--out", output, .. inputs]);
        return (exit, text, File.Exists(output) ? JsonNode.Parse(File.ReadAllText(output))!.AsObject() : null);
    }

    private static JsonNode? Support(JsonObject data, string group, string entry, string runtime) =>
        data["api"]![CompatData.Root]![group]![entry]!["__compat"]!["support"]![runtime];

    [Fact]
    public void Version_added_is_the_first_release_from_which_all_the_entry_s_scenarios_pass()
    {
        var (exit, text, data) = Compat(History);
        Assert.True(exit == 0, text);
        // AR-STATIC-BIND-2: a scenario fails on 1.0.0 and passes from 1.0.36 on; ALS-EXIT-1 passes on every release run.
        Assert.Equal("1.0.36", (string?)Support(data!, "requirements", "AR-STATIC-BIND-2", "bun")!["version_added"]);
        Assert.Equal("≤1.0.0", (string?)Support(data!, "requirements", "ALS-EXIT-1", "bun")!["version_added"]);
        Assert.Null(Support(data!, "requirements", "ALS-EXIT-1", "bun")!["partial_implementation"]);
        // Only the release that passes: nothing before it was run, so it is a ranged version.
        var (_, _, alone) = Compat(Release("1.1.0"));
        Assert.Equal("≤1.1.0", (string?)Support(alone!, "requirements", "AR-STATIC-BIND-2", "bun")!["version_added"]);
    }

    [Fact]
    public void A_failing_scenario_makes_the_support_partial_with_notes_naming_it()
    {
        var (exit, text, data) = Compat(History);
        Assert.True(exit == 0, text);
        var newest = ScenarioResult.ReadAll(Path.Combine(Release("1.1.0"), ResultsJournal.FileName));
        var listener = newest.Where(r => r.Requirements.Contains("OBS-LISTENER-NOCAPTURE-1")).ToArray();
        var failing = Assert.Single(listener, r => r.Status != "PASS");
        var statement = Support(data!, "requirements", "OBS-LISTENER-NOCAPTURE-1", "bun")!;
        Assert.True((bool?)statement["partial_implementation"]);
        // Every release passes some of them (1.0.0 all): partial since the oldest run, as far as these runs know.
        Assert.Equal("≤1.0.0", (string?)statement["version_added"]);
        var notes = statement["notes"]!.AsArray().Select(n => (string)n!).ToArray();
        Assert.Equal($"1 of the {listener.Length} scenarios run on bun@1.1.0 do not pass (docs/compat.md):", notes[0]);
        Assert.Equal($"<code>{failing.Id}</code>: {failing.Status}", Assert.Single(notes[1..]));
        // Every scenario fails: no support, with the same notes.
        var none = Support(data!, "requirements", "OBS-THIS-1", "bun")!;
        Assert.False((bool?)none["version_added"]);
        Assert.Null(none["partial_implementation"]);
        Assert.Equal(newest.Count(r => r.Requirements.Contains("OBS-THIS-1")) + 1, none["notes"]!.AsArray().Count);
        // A runtime no input ran is left out (unknown support), not false.
        Assert.Null(Support(data!, "requirements", "ALS-EXIT-1", "deno"));
    }

    [Fact]
    public void The_file_validates_against_the_schema_and_the_schema_refuses_what_bcd_refuses()
    {
        var (exit, text, data) = Compat(History, Path.Combine(FixtureFolder, "workerd"));
        Assert.True(exit == 0, text);
        Assert.Equal("", CompatSchema.Errors(data!.ToJsonString()));
        var pinned = PinnedTargets.Read(Root).Single(p => p.Name == "workerd").Version.Version;
        Assert.Equal("≤" + pinned, (string?)Support(data, "requirements", "ALS-EXIT-1", "workerd")!["version_added"]);

        var partial = Support(data, "requirements", "OBS-LISTENER-NOCAPTURE-1", "bun")!.AsObject();
        partial.Remove("notes");
        Assert.Contains("notes", CompatSchema.Errors(data.ToJsonString()));
        var support = data["api"]![CompatData.Root]!["requirements"]!["ALS-EXIT-1"]!["__compat"]!["support"]!.AsObject();
        support["nodejs"] = new JsonObject { ["version_added"] = "22.0.0" };
        support["bun"]!["version_added"] = null;
        var errors = CompatSchema.Errors(data.ToJsonString());
        Assert.Contains("/support/nodejs", errors);
        Assert.Contains("/support/bun/version_added", errors);
    }

    [Fact]
    public void The_repository_s_compat_file_validates_names_only_current_entries_and_covers_every_runtime_key()
    {
        var file = Path.Combine(Root, "docs", "compat", "async-local-storage.json");
        var text = File.ReadAllText(file);
        Assert.Equal("", CompatSchema.Errors(text));
        var data = JsonNode.Parse(text)!;
        var entries = data["api"]![CompatData.Root]!.AsObject().SelectMany(g => g.Value!.AsObject().Select(e => (Group: g.Key, e.Key, e.Value))).ToArray();
        // Every entry is a requirement or family the repository still has (the file is of the runs' day: a newer id has none yet).
        var current = CompatData.Entries(Root).Select(e => (e.Group, e.Name)).ToHashSet();
        Assert.All(entries, e => Assert.Contains((e.Group, e.Key), current));
        foreach (var runtime in RuntimeFamily.All.Select(f => f.Name))
            Assert.Contains(entries, e => e.Value!["__compat"]!["support"]![runtime] is not null);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("empty")]
    [InlineData("unknown-target")]
    [InlineData("command-target")]
    [InlineData("only-reference")]
    public void Bad_input_is_one_precise_error_exit_2_and_nothing_written(string kind)
    {
        var folder = _temp.File(kind);
        var row = ScenarioResult.ReadAll(Path.Combine(Release("1.0.0"), ResultsJournal.FileName))[0];
        string expected;
        switch (kind)
        {
            case "missing":
                expected = $"compat: {folder}: no such folder or file";
                break;
            case "empty":
                Directory.CreateDirectory(folder);
                File.WriteAllText(Path.Combine(folder, ResultsJournal.FileName), "\n");
                expected = $"compat: {Path.Combine(folder, ResultsJournal.FileName)}: no results (the run wrote no row)";
                break;
            case "unknown-target":
                Write(folder, row with { Target = "firefox" });
                expected = $"compat: {Path.Combine(folder, ResultsJournal.FileName)}: target \"firefox\" is not a runtime release compat knows: compat knows the pinned targets";
                break;
            case "command-target":
                Write(folder, row with { Target = "command:/opt/bun {node-host}" });
                expected = "is not a runtime release compat knows: say which release it ran with --as 'command:/opt/bun {node-host}=<runtime>@<version>'";
                break;
            default:
                Directory.CreateDirectory(folder);
                File.Copy(Path.Combine(FixtureFolder, "reference", ResultsJournal.FileName), Path.Combine(folder, ResultsJournal.FileName));
                expected = "compat: no runtime's results in";
                break;
        }
        // Beside good input, so the error is the bad folder's; the reference alone is bad only as the sole input.
        var (exit, text, data) = kind == "only-reference" ? Compat(folder) : Compat(History, folder);
        Assert.Equal(2, exit);
        Assert.Contains(expected, text);
        Assert.Null(data);
    }

    [Fact]
    public void The_reference_is_left_out_and_a_command_target_counts_as_the_release_as_names()
    {
        var folder = _temp.File("command");
        var rows = ScenarioResult.ReadAll(Path.Combine(Release("1.1.0"), ResultsJournal.FileName)).Select(r => r with { Target = "command:/opt/bun {node-host}" });
        Write(folder, [.. rows]);
        var output = _temp.File("as.json");
        var (exit, text) = CliTool.Run("compat", "--out", output, "--as", "command:/opt/bun {node-host}=bun@1.2.0", folder, Path.Combine(FixtureFolder, "reference"));
        Assert.True(exit == 0, text);
        Assert.Contains("the reference is the suite's model, not a runtime: left out", text);
        var data = JsonNode.Parse(File.ReadAllText(output))!.AsObject();
        Assert.Equal("≤1.2.0", (string?)Support(data, "requirements", "AR-STATIC-BIND-2", "bun")!["version_added"]);
        Assert.Contains("bun@1.2.0", (string?)Support(data, "requirements", "OBS-LISTENER-NOCAPTURE-1", "bun")!["notes"]![0]);
    }

    [Fact]
    public void The_site_links_the_compat_file_and_its_schema()
    {
        var site = _temp.File("site");
        var (exit, text) = CliTool.Run("site", "--out", site, Release("1.1.0"));
        Assert.True(exit == 0, text);
        var hrefs = Harness.Tests.Site.DomText.Hrefs(File.ReadAllText(Path.Combine(site, "index.html")));
        foreach (var file in new[] { "docs/compat/async-local-storage.json", CompatData.SchemaPath })
        {
            var href = Assert.Single(hrefs, h => h.EndsWith(file, StringComparison.Ordinal));
            Assert.Equal(Path.Combine(Root, file), Path.GetFullPath(Path.Combine(site, href)));
        }
    }

    private static void Write(string folder, params ScenarioResult[] rows)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllLines(Path.Combine(folder, ResultsJournal.FileName), rows.Select(r => r.ToJsonLine()));
    }
}

/// <summary>spec/schema/compat-data.v1.schema.json through the results contract's validator (JsonSchema.Net).</summary>
internal static class CompatSchema
{
    public static string Errors(string json) => Schema.ResultsContract.Errors(Path.GetFileName(CompatData.SchemaPath), json);
}
