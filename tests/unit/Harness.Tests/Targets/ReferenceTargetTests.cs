using Conformance.Harness.Scenarios;
using Conformance.Harness.Targets;
using Conformance.Harness.Targets.Reference;

namespace Harness.Tests.Targets;

/// <summary>The in-process reference target through the real Jint host and the shared driver.</summary>
public sealed class ReferenceTargetTests
{
    private static readonly ReferenceTarget Target = new(DriverFiles.FromRepository());

    private static Task<TargetRun> Run(string source, ScenarioPlan? plan = null) =>
        Target.RunAsync(new ScenarioProgram("t/x", source, plan ?? ScenarioPlan.TestHandlerOnly, ScenarioProgram.DefaultCompatibilityDate),
            TimeSpan.FromSeconds(20), CancellationToken.None);

    [Fact]
    public async Task A_completed_run_yields_the_trace_lines_without_prefix()
    {
        var run = await Run("export default { test() { console.log('a', 1); } };");
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal(["log: \"a\" 1", "end", ExitLine.Ok], run.Trace);
    }

    [Fact]
    public async Task A_load_error_is_a_completed_run_ending_in_the_load_error_line()
    {
        var run = await Run("console.log('before'); throw new RangeError('x');");
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal(["log: \"before\"", "load error: RangeError", ExitLine.LoadFailed], run.Trace);
    }

    [Fact]
    public async Task A_program_that_never_settles_times_out()
    {
        var run = await Run("export default { test() { return new Promise(() => {}); } };");
        Assert.Equal(RunStatus.Timeout, run.Status);
        Assert.DoesNotContain("end", run.Trace);
    }

    [Fact]
    public void Reference_is_created_by_name_and_unknown_names_list_the_known_ones()
    {
        var root = RepositoryRoot.Find();
        Assert.IsType<ReferenceTarget>(TargetFactory.TryCreate("reference", root, null, out _));
        Assert.Null(TargetFactory.TryCreate("no-such-runtime", root, null, out var problem));
        Assert.Contains("Known targets: reference", problem);
    }
}
