// Measures, per target and in one run, the whole suite's wall time batched (many programs per runtime process, TF-1b)
// and one process per program, against the floor: every program's bare CPU / cores. Both modes
// go through the harness's own executor, every scenario compiled from features/; it also counts the scenarios whose
// trace differs between the two modes (must be 0). Goal: the fastest correct mode within 1.25x the floor, which is the
// programs' own (issue 18, item 11: each program run bare, CPU summed over the cores; PerfTiming/BareRun.cs).
// Run: tests/perf/measure-batching.sh [targets=workerd,node,node26,deno,bun]
#:project PerfTiming/PerfTiming.csproj
using PerfTiming;

var names = (args.Length > 0 ? args[0] : "workerd,node,node26,deno,bun").Split(',', StringSplitOptions.RemoveEmptyEntries);
var root = RepositoryRoot.Find(Environment.CurrentDirectory);
var programs = SuiteTiming.Programs(root);
var cores = Environment.ProcessorCount;
Console.WriteLine($"scenarios: {programs.Count}, {Machine.Describe()}");
Console.WriteLine($"{"target",-8} {"batched",9} {"1/process",10} {"floor",8} {"bare/prog",9} {"best/floor",10} {"differ",6}");
var status = 0;
foreach (var name in names)
{
    var (target, problem, notReady) = await SuiteTiming.ReadyAsync(name, root);
    if (target is null) { Console.WriteLine(problem); status = Math.Max(status, notReady); continue; }
    var bare = await BareRun.RunAsync(name, root, programs, TimeSpan.FromSeconds(30));
    var floor = bare.Cpu / cores;
    var (alone, aloneRuns) = await SuiteTiming.RunAsync(target, programs, batching: false);
    var batches = target is IBatchingTarget;
    var (batched, batchedRuns) = batches ? await SuiteTiming.RunAsync(target, programs, batching: true) : (alone, aloneRuns);
    var differing = Enumerable.Range(0, programs.Count).Where(i => batchedRuns[i].Status != aloneRuns[i].Status || !batchedRuns[i].Trace.SequenceEqual(aloneRuns[i].Trace)).ToList();
    var differ = differing.Count;
    if (differ > 0) status = 1;
    foreach (var i in differing) Console.WriteLine($"  differs: {programs[i].Id} (batched {batchedRuns[i].Status}, one per process {aloneRuns[i].Status})");
    var best = batches && differ == 0 ? batched : alone;
    Console.WriteLine($"{name,-8} {(batches ? $"{batched.TotalSeconds:0.00} s" : "-"),9} {alone.TotalSeconds,8:0.00} s {floor.TotalSeconds,6:0.00} s {bare.Cpu.TotalMilliseconds / programs.Count,6:0.0} ms {best / floor,10:0.00} {differ,6}");
}
Console.WriteLine($"after: {Machine.Describe()}");
return status;
