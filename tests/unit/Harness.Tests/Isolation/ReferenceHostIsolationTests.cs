using System.Net;
using System.Net.Sockets;
using Workers.AsyncContext.Jint;

namespace Harness.Tests.Isolation;

/// <summary>
/// The in-process reference host (WorkerHost, as ReferenceTarget runs it) gives a script no way out: no .NET, no file
/// system, no network. Each test runs a worker that tries, and checks what it saw and that nothing outside was touched.
/// </summary>
public sealed class ReferenceHostIsolationTests
{
    private sealed record Run(WorkerRunResult Result, IReadOnlyList<string> Out, IReadOnlyList<string> Err);

    private static Run Worker(string program)
    {
        var stdout = new List<string>();
        var stderr = new List<string>();
        var result = WorkerHost.Run(WorkerSource.FromModules(new Dictionary<string, string> { ["main.mjs"] = program }, "main.mjs"),
            new WorkerHostOptions { WallClockTimeout = TimeSpan.FromSeconds(20), Stdout = stdout.Add, Stderr = stderr.Add });
        return new Run(result, stdout, stderr);
    }

    private static void AssertCompleted(Run run) =>
        Assert.True(run.Result.Outcome == WorkerOutcome.Completed, $"{run.Result}\nout:\n{string.Join("\n", run.Out)}\nerr:\n{string.Join("\n", run.Err)}");

    [Fact]
    public void A_script_sees_no_dotnet()
    {
        var run = Worker("""
            const names = ['System', 'importNamespace', 'clrHelper', 'host', 'Jint', 'Microsoft', 'CLR', 'interop'];
            export default {
              test() {
                console.log(names.map((n) => `${n}=${typeof globalThis[n]}`).join(' '));
                try { System.IO.File.ReadAllText('/etc/hostname'); console.log('System reachable'); } catch (e) { console.log('System:', e.name); }
                try { importNamespace('System.IO'); console.log('importNamespace reachable'); } catch (e) { console.log('importNamespace:', e.name); }
                // No global holds a host object: every own global is a plain JavaScript value.
                const odd = Object.getOwnPropertyNames(globalThis).filter((n) => {
                  const v = globalThis[n];
                  return v !== null && typeof v === 'object' && Object.prototype.toString.call(v).includes('Clr');
                });
                console.log('clr-like globals:', odd.length);
                // Errors carry no .NET stack or type names.
                try { null.x; } catch (e) { console.log('stack mentions dotnet:', /System\.|Jint\.|\.cs:/.test(String(e.stack))); }
              },
            };
            """);

        AssertCompleted(run);
        Assert.Equal([
            "System=undefined importNamespace=undefined clrHelper=undefined host=undefined Jint=undefined Microsoft=undefined CLR=undefined interop=undefined",
            "System: ReferenceError",
            "importNamespace: ReferenceError",
            "clr-like globals: 0",
            "stack mentions dotnet: false",
        ], run.Out);
    }

    [Fact]
    public void A_script_has_no_file_system()
    {
        var run = Worker("""
            export default {
              async test() {
                console.log(typeof require, typeof Deno, typeof Bun, typeof module, typeof __dirname);
                // globalThis.process exists, as on workerd (OBS-MATRIX-NODE-SCHEDULING-1), with nothing that reaches out.
                console.log('process members', Object.getOwnPropertyNames(process).join());
                for (const specifier of ['node:fs', 'fs', 'node:fs/promises', 'node:child_process', '/etc/hostname', 'file:///etc/hostname', '../../../../etc/hostname']) {
                  try { await import(specifier); console.log('imported', specifier); } catch (e) { console.log('import failed', specifier); }
                }
              },
            };
            """);

        AssertCompleted(run);
        Assert.Equal("undefined undefined undefined undefined undefined", run.Out[0]);
        Assert.Equal("process members nextTick", run.Out[1]);
        Assert.Equal(7, run.Out.Count(l => l.StartsWith("import failed ", StringComparison.Ordinal)));
        Assert.DoesNotContain(run.Out, l => l.StartsWith("imported", StringComparison.Ordinal));
        var hostname = File.Exists("/etc/hostname") ? File.ReadAllText("/etc/hostname").Trim() : null;
        if (!string.IsNullOrEmpty(hostname)) Assert.DoesNotContain(run.Out, l => l.Contains(hostname, StringComparison.Ordinal));
    }

    [Fact]
    public void A_static_import_of_the_file_system_is_a_load_error()
    {
        var run = Worker("import { readFileSync } from 'node:fs';\nexport default { test() { console.log(readFileSync('/etc/hostname', 'utf8')); } };");
        Assert.Equal(WorkerOutcome.LoadError, run.Result.Outcome);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task A_script_has_no_network_beyond_env_SELF()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var run = Worker($$"""
            export default {
              async test(controller, env) {
                console.log('fetch', typeof fetch, 'connect', typeof connect, 'WebSocket', typeof WebSocket, 'XMLHttpRequest', typeof XMLHttpRequest);
                if (typeof fetch === 'function') {
                  try { const r = await fetch('http://127.0.0.1:{{port}}/'); console.log('fetched', r.status); } catch (e) { console.log('fetch rejected'); }
                }
                try { await import('cloudflare:sockets'); console.log('sockets imported'); } catch (e) { console.log('sockets import failed'); }
                // The reference's WebSocket is one end of a WebSocketPair (issue 20): it cannot be constructed to dial out.
                try { new WebSocket('ws://127.0.0.1:{{port}}/'); console.log('websocket made'); } catch (e) { console.log('websocket refused'); }
                try { await import('node:net'); console.log('net imported'); } catch (e) { console.log('net import failed'); }
                const self = await env.SELF.fetch('http://conformance.test/self');
                console.log('SELF', self.status, await self.text());
              },
              fetch() { return new Response('mine'); },
            };
            """);

        AssertCompleted(run);
        Assert.DoesNotContain(run.Out, l => l.StartsWith("fetched", StringComparison.Ordinal) || l.EndsWith(" imported", StringComparison.Ordinal));
        Assert.Contains("connect undefined", run.Out[0]);
        Assert.Contains("sockets import failed", run.Out);
        Assert.Contains("websocket refused", run.Out);
        Assert.Contains("net import failed", run.Out);
        Assert.Equal("SELF 200 mine", run.Out[^1]);
        // Whatever fetch is, nothing reached the listener.
        await Task.Delay(200, TestContext.Current.CancellationToken);
        Assert.False(listener.Pending(), "the worker opened a connection to a local listener");
    }
}
