using System.Text.Json.Nodes;
using Conformance.Harness.Compat;
using Conformance.Harness.Scenarios;
using Conformance.Harness.Targets.Versions;
using Harness.Tests.Script;

namespace Harness.Tests.Compat;

/// <summary>
/// run-conformance.ps1 -Compat (tests/Conformance.Cli/Run/SuiteRun.Verdict.cs; docs/compat.md): a run also writes the compatibility data
/// of its report folders, and a run whose data cannot be written (the reference alone is no runtime) fails with exit 1.
/// Needs the PowerShell local tool (<see cref="LocalPwsh"/>) and workerd (targets/node_modules).
/// </summary>
public sealed class CompatScriptTests : IDisposable
{
    private static readonly string Root = RepositoryRoot.Find();
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private (int Exit, string Output) Script(params string[] args) =>
        LocalPwsh.Run(Root, new[] { "-File", Path.Combine(Root, "run-conformance.ps1"), "-NoBuild", "-ReportDir", _temp.Path }.Concat(args),
            TimeSpan.FromMinutes(5));

    [Fact]
    public void A_run_with_compat_writes_the_file_from_its_report_folders()
    {
        var file = _temp.File("compat.json");
        var (exit, output) = Script("-Target", "reference,workerd", "-Requirement", "ALS-EXIT-1", "-Compat", file);
        Assert.True(exit == 0, $"exit {exit}:\n{output}");
        Assert.Contains("the reference is the suite's model, not a runtime: left out", output);
        var data = JsonNode.Parse(File.ReadAllText(file))!;
        Assert.Equal("", CompatSchema.Errors(data.ToJsonString()));
        var support = data["api"]![CompatData.Root]!["requirements"]!["ALS-EXIT-1"]!["__compat"]!["support"]!.AsObject();
        var pin = PinnedTargets.Read(Root).Single(p => p.Name == "workerd").Version.Version;
        Assert.Equal("≤" + pin, (string?)support["workerd"]!["version_added"]);
        Assert.Equal(["workerd"], support.Select(s => s.Key));
    }

    [Fact]
    public void A_run_whose_compat_data_cannot_be_written_fails()
    {
        var file = _temp.File("compat.json");
        var (exit, output) = Script("-Requirement", "ALS-EXIT-1", "-Compat", file);
        Assert.True(exit == 1, $"exit {exit}:\n{output}");
        Assert.Contains("compat: no runtime's results in", output);
        Assert.Contains($"the compatibility data could not be written to {file}", output);
        Assert.False(File.Exists(file));
    }
}
