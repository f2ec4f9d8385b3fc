using Conformance.Harness.Targets;
using Conformance.Harness.Targets.Process;
using static Harness.Tests.Process.ProcessTargetFixture;

namespace Harness.Tests.Isolation;

/// <summary>
/// Process targets run each program in a fresh temporary folder that is gone afterwards; workerd has no network; Deno has no
/// permissions. Each test runs a program that tries to get out and checks both what it saw and what happened outside.
/// </summary>
public sealed class ProcessIsolationTests
{
    private static string FetchProgram(int port) => $$"""
        export default {
          async test() {
            try {
              const response = await fetch('http://127.0.0.1:{{port}}/');
              console.log('fetched', response.status, await response.text());
            } catch (e) {
              console.log('fetch rejected', e.name);
            }
          },
        };
        """;

    [Fact]
    public async Task Workerd_has_no_network_a_fetch_to_a_local_listener_never_arrives()
    {
        var target = await AvailableAsync("workerd");
        using var listener = new LoopbackListener();

        var run = await RunAsync(target, Program(FetchProgram(listener.Port)));

        Assert.True(run.Status == RunStatus.Completed, $"{run.Status}: {run.Detail}");
        Assert.StartsWith("log: \"fetch rejected\"", run.Trace[0]);
        await Task.Delay(300, TestContext.Current.CancellationToken);
        Assert.Equal(0, listener.Connections);
    }

    [Fact]
    public async Task The_listener_does_see_a_runtime_that_has_network()
    {
        // The control for the test above: Node without the sandbox (SandboxTests), so its fetch arrives; the detector works.
        var target = await AvailableAsync("node", new ProcessTargetOptions { Sandboxed = false });
        using var listener = new LoopbackListener();

        var run = await RunAsync(target, Program(FetchProgram(listener.Port)));

        AssertTrace(run, "log: \"fetched\" 200 \"reached\"", "end", ExitLine.Ok);
        Assert.Equal(1, listener.Connections);
    }

    [Fact]
    public async Task Deno_runs_without_permissions_reading_a_file_or_the_network_is_refused()
    {
        var target = await AvailableAsync("deno");
        using var listener = new LoopbackListener();

        var run = await RunAsync(target, Program($$"""
            export default {
              async test() {
                for (const [what, attempt] of [
                  ['read', () => Deno.readTextFile('/etc/hostname')],
                  ['write', () => Deno.writeTextFile('/tmp/conformance-deno-escape.txt', 'x')],
                  ['env', async () => Deno.env.get('HOME')],
                  ['run', () => new Deno.Command('/bin/true').output()],
                  ['net', () => fetch('http://127.0.0.1:{{listener.Port}}/')],
                ]) {
                  try { await attempt(); console.log(what, 'allowed'); } catch (e) { console.log(what, e.name); }
                }
              },
            };
            """));

        Assert.True(run.Status == RunStatus.Completed, $"{run.Status}: {run.Detail}");
        // Deno 2 names a missing permission NotCapable (PermissionDenied before 2.0).
        Assert.Equal(5, run.Trace.Count(l => l.EndsWith(" \"NotCapable\"", StringComparison.Ordinal) || l.EndsWith(" \"PermissionDenied\"", StringComparison.Ordinal)));
        Assert.Equal(["end", ExitLine.Ok], run.Trace.TakeLast(2));
        Assert.False(File.Exists("/tmp/conformance-deno-escape.txt"));
        Assert.Equal(0, listener.Connections);
    }

    [Fact]
    public async Task Each_run_gets_a_fresh_folder_holding_only_its_files_and_it_is_removed_afterwards()
    {
        // The command target shares ProcessTarget's folder handling with every named process target.
        var target = ProcessTargets.TryCreate($"command:/bin/sh -c '{ReadPrefix} echo \"$p dir {{dir}}\"; ls -A {{dir}} | sed \"s/^/$p file /\"; echo \"$p end\"'", Root)!;

        var first = await RunAsync(target, Program("export default {};"));
        var second = await RunAsync(target, Program("export default {};"));

        var folders = new[] { first, second }.Select(run =>
        {
            Assert.True(run.Status == RunStatus.Completed, $"{run.Status}: {run.Detail}");
            Assert.Equal(["file driver.mjs", "file plan.mjs", "file program.mjs", "file trace.mjs"], run.Trace.Where(l => l.StartsWith("file ")).Order());
            return run.Trace[0]["dir ".Length..];
        }).ToArray();
        Assert.NotEqual(folders[0], folders[1]);
        Assert.All(folders, folder =>
        {
            Assert.StartsWith(Path.Combine(Path.GetTempPath(), "conformance-"), folder);
            Assert.False(Directory.Exists(folder), $"{folder} is still there");
        });
    }

    [Theory]
    [InlineData("node")]
    [InlineData("deno")]
    [InlineData("bun")]
    public async Task A_bridged_runtime_runs_in_its_own_folder_which_is_removed_even_after_a_timeout(string runtime)
    {
        var target = await AvailableAsync(runtime);
        var run = await RunAsync(target, Program("""
            console.log('at', new URL('.', import.meta.url).pathname);
            export default { test() { return new Promise(() => setInterval(() => {}, 1000)); } };
            """), TimeSpan.FromSeconds(2));

        Assert.True(run.Status == RunStatus.Timeout, $"{run.Status}: {run.Detail}");
        var folder = run.Trace[0]["log: \"at\" \"".Length..].TrimEnd('"').TrimEnd('/');
        Assert.StartsWith(Path.Combine(Path.GetTempPath(), "conformance-"), folder);
        Assert.False(Directory.Exists(folder), $"{folder} is still there");
        Assert.Empty(OrphanedRunProcesses());
    }
}
