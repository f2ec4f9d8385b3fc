using Conformance.Harness.Execution;
using Conformance.Harness.Features;

namespace Harness.Tests.Execution;

/// <summary>
/// A row compiled once (issue 17, item 2): the program, or the problem with the step that reports it in the Cucumber report:
/// the step at fault, else the check step, else the last step.
/// </summary>
public sealed class ScenarioCompilerTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private ScenarioEntry Row(string steps)
    {
        var folder = _temp.File("features");
        Directory.CreateDirectory(Path.Combine(folder, "area"));
        File.WriteAllText(Path.Combine(folder, "area", "x.feature"), $$"""
            Feature: x

              @documented
              Scenario: one
                Given the worker program:
                  ```js
                  export default {};
                  ```
            {{steps}}
            """.Replace("```", "\"\"\""));
        return Assert.Single(FeatureCatalog.Load(folder).Entries);
    }

    [Fact]
    public void A_good_row_has_its_program_and_reports_at_its_check_step()
    {
        var compiled = ScenarioCompiler.CompileRow(Row("""
                And the compatibility date "2025-06-15"
                When the test handler runs
                Then the trace matches the verified snapshot
            """));

        Assert.Null(compiled.Problem);
        Assert.Equal("2025-06-15", compiled.Program!.CompatibilityDate);
        Assert.Equal(3, compiled.ReportStep);
    }

    [Fact]
    public void A_step_whose_argument_is_wrong_is_the_step_at_fault()
    {
        var compiled = ScenarioCompiler.CompileRow(Row("""
                And the compatibility date "2025-13-45"
                When the test handler runs
                Then the trace matches the verified snapshot
            """));

        Assert.Null(compiled.Program);
        Assert.Contains("\"2025-13-45\" is not a date", compiled.Problem);
        Assert.Equal(1, compiled.ReportStep);
    }

    [Fact]
    public void A_row_that_never_checks_its_trace_reports_at_its_last_step()
    {
        var compiled = ScenarioCompiler.CompileRow(Row("""
                When the test handler runs
            """));

        Assert.Null(compiled.Program);
        Assert.Contains("never checks its trace", compiled.Problem);
        Assert.Equal(1, compiled.ReportStep);
    }
}
