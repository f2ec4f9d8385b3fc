// Measures what the harness adds to a process target (the speed requirement): the time to run N
// scenario programs through the target at its MaxParallelism, against N start-ups of the runtime itself
// on an empty worker divided by the cores. Goal: ratio <= 1.25. Run: tests/perf/measure-process-overhead.sh
#:project PerfTiming/PerfTiming.csproj
using Conformance.Harness.Targets.Process;
using PerfTiming;

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
var startup = await BareStartup.MeanAsync(targetName, root, n);

// Warm up the harness path once, then run the N programs at the target's parallelism.
await target.RunAsync(programs[0], TimeSpan.FromSeconds(30), default);
var clock = Stopwatch.StartNew();
var failures = 0;
await Parallel.ForEachAsync(programs, new ParallelOptions { MaxDegreeOfParallelism = target.MaxParallelism }, async (program, ct) =>
{
    var run = await target.RunAsync(program, TimeSpan.FromSeconds(30), ct);
    if (run.Status != RunStatus.Completed || !run.Trace.Contains("end") /* the last line is the exit line (TF-13) */) Interlocked.Increment(ref failures);
});
var parallel = clock.Elapsed;

var cores = Environment.ProcessorCount;
var ideal = startup * n / cores;
Console.WriteLine($"target: {targetName}, programs: {n}, {Machine.Describe()}, parallelism: {target.MaxParallelism}, failed runs: {failures}");
Console.WriteLine($"empty-worker start-up (mean of {n} sequential bare runs): {startup.TotalMilliseconds:0.0} ms");
Console.WriteLine($"ideal = {n} x start-up / {cores} cores: {ideal.TotalMilliseconds:0} ms");
Console.WriteLine($"harness, {n} programs in parallel: {parallel.TotalMilliseconds:0} ms ({parallel.TotalMilliseconds / n:0.0} ms per program)");
Console.WriteLine($"ratio: {parallel / ideal:0.00} (goal <= 1.25)");
return failures == 0 ? 0 : 1;
