// Managed memory of the reference host (Workers.AsyncContext.Jint) under the suite's load scenario
// (features/concurrency/load.feature: 1000 concurrent requests, each keeping its own store across awaits,
// timers and a then chain): before, at peak while the requests are in flight, and after the run with a forced
// full GC, for several runs in one process. Shows that a run's frames, stores and requests are released once
// the requests complete: `after - before` stays within a small bound and does not grow from run to run.
// Run: tests/perf/measure-load-memory.sh [runs=3]
#:project ../Conformance.Harness/Conformance.Harness.csproj
#:property ServerGarbageCollector=false
#:property ConcurrentGarbageCollection=false
using System.Diagnostics;
using Conformance.Harness.Execution;
using Conformance.Harness.Features;
using Conformance.Harness.Scenarios;
using Workers.AsyncContext.Jint;

const string FeaturePath = "concurrency/load.feature";
const string TracePrefix = "@@trace "; // spec/trace-format.md, TF-1
// after - before of one run, once the process is warm: what a run may leave behind (JIT'd code, Jint's and the
// runtime's lazily filled static caches, allocator slack). A retained run is far above it: its engine alone is
// the "at `end`" figure minus "before" (about 2.7 MiB here), the whole run in flight the "live peak" (11.5-13 MiB).
const double BoundMiB = 1.0;

var runs = args.Length > 0 ? int.Parse(args[0]) : 3;
var root = RepositoryRoot.Find(Environment.CurrentDirectory);

// The program is the feature's doc string, compiled by the harness exactly as the suite runs it (no copy here).
var catalog = FeatureCatalog.Load(Path.Combine(root, "features"));
var entry = catalog.Entries.Single(e => e.Feature.RelativePath == FeaturePath);
var program = ScenarioCompiler.Compile(entry);
var driver = DriverFiles.Load(root);
var expected = File.ReadAllLines(entry.VerifiedPath);
Console.WriteLine($"scenario: {entry.Id}");
Console.WriteLine($"requests: {program.Plan.Requests.Count}, concurrent: {program.Plan.Concurrent}; GC: server={System.Runtime.GCSettings.IsServerGC}, {System.Runtime.GCSettings.LatencyMode}");

// Warm-up: one unmeasured run fills what every process fills once (JIT, type loading, Jint's static caches).
RunLoad(program, sampleLive: false);

// The same program with one request: what the engine, the modules and the driver hold at `end` on their own. The
// 1000-request run holds about 1.8 MiB more there; a heap dump at `end` shows what: plan.mjs's 1000 request literals
// (their AST and values), the driver's 1000 result lines and grown collection capacity. No request frame is alive
// then (only the empty frame and test()'s); tests/unit/Harness.Tests/Load checks that with WeakRefs to the stores.
var single = program with { Plan = program.Plan with { Requests = program.Plan.Requests.Take(1).ToArray() } };
var baselineAtEnd = RunLoad(single, sampleLive: false).AtEndMiB;

var afters = new List<double>();
var exceeded = false;
for (var run = 1; run <= runs; run++)
{
    var before = FullGcMiB();
    var r = RunLoad(program, sampleLive: false);
    var after = FullGcMiB();
    afters.Add(after);
    var growth = after - before;
    exceeded |= growth > BoundMiB;
    Console.WriteLine($"run {run}: before {before:0.00} MiB, peak {r.PeakMiB:0.00} MiB, after {after:0.00} MiB; " +
        $"after - before {growth:+0.00;-0.00} MiB ({(growth <= BoundMiB ? "within" : "EXCEEDS")} {BoundMiB:0.0} MiB); " +
        $"at `end` (engine alive, all requests completed) {r.AtEndMiB:0.00} MiB, " +
        $"{r.AtEndMiB - baselineAtEnd:+0.00;-0.00} MiB over the 1-request run's {baselineAtEnd:0.00} MiB; {r.Elapsed.TotalMilliseconds:0} ms");
}
Console.WriteLine($"growth across runs (after run {runs} - after run 1): {afters[^1] - afters[0]:+0.00;-0.00} MiB");

// A separate pass whose sampler forces full GCs while the requests are in flight: the live (reachable) heap at
// peak, which is what one run would leave behind if its engine, requests or frames were retained.
{
    var before = FullGcMiB();
    var r = RunLoad(program, sampleLive: true);
    var after = FullGcMiB();
    Console.WriteLine($"live pass: before {before:0.00} MiB, live peak {r.LivePeakMiB:0.00} MiB (+{r.LivePeakMiB - before:0.00} MiB over before, " +
        $"{r.LiveSamples} forced-GC samples in flight), after {after:0.00} MiB");
}
Console.WriteLine(exceeded ? $"FAIL: a run left more than {BoundMiB:0.0} MiB behind" : $"OK: every run left at most {BoundMiB:0.0} MiB behind");
return exceeded ? 1 : 0;

LoadRun RunLoad(ScenarioProgram program, bool sampleLive)
{
    var trace = new List<string>();
    double atEnd = double.NaN;
    var options = new WorkerHostOptions
    {
        CompatibilityDate = program.CompatibilityDate,
        WallClockTimeout = TimeSpan.FromSeconds(120),
        Stdout = line =>
        {
            if (!line.StartsWith(TracePrefix, StringComparison.Ordinal)) return;
            trace.Add(line[TracePrefix.Length..]);
            // The driver writes `end` after every response and a few settle turns, on the engine thread, with the
            // engine and the module still alive: what stays reachable now is what the completed requests left.
            if (line == TracePrefix + "end") atEnd = FullGcMiB();
        },
    };
    var source = WorkerSource.FromModules(driver.ModulesFor(program), DriverFiles.EntryModule);

    // The sampler: GC.GetTotalMemory(false) every millisecond (the heap in use, garbage included); in the live pass
    // a forced full GC every 25 ms instead (reachable objects only).
    long peak = GC.GetTotalMemory(false), livePeak = 0, liveSamples = 0;
    using var stop = new ManualResetEventSlim();
    var sampler = new Thread(() =>
    {
        while (!stop.Wait(sampleLive ? 25 : 1))
        {
            if (sampleLive)
            {
                livePeak = Math.Max(livePeak, GC.GetTotalMemory(forceFullCollection: true));
                liveSamples++;
            }
            else peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
        }
    }) { IsBackground = true, Priority = ThreadPriority.AboveNormal };
    var clock = Stopwatch.StartNew();
    sampler.Start();
    var result = WorkerHost.Run(source, options);
    stop.Set();
    sampler.Join();
    var elapsed = clock.Elapsed;
    peak = Math.Max(peak, GC.GetTotalMemory(false));

    // The run must be the scenario's: its verified snapshot (for the 1-request run, the snapshot's first line).
    string[] want = program.Plan.Requests.Count == expected.Length - 1 ? expected : [expected[0], "end"];
    if (result.Outcome != WorkerOutcome.Completed || !trace.SequenceEqual(want))
        throw new InvalidOperationException($"the load run did not match its verified snapshot: {result}, {trace.Count} lines, " +
            $"first difference: {trace.Zip(want).FirstOrDefault(p => p.First != p.Second)}");
    return new LoadRun(ToMiB(peak), atEnd, ToMiB(livePeak), liveSamples, elapsed);
}

static double FullGcMiB()
{
    for (var i = 0; i < 3; i++)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
    }
    return ToMiB(GC.GetTotalMemory(forceFullCollection: true));
}

static double ToMiB(long bytes) => bytes / (1024.0 * 1024.0);

record LoadRun(double PeakMiB, double AtEndMiB, double LivePeakMiB, long LiveSamples, TimeSpan Elapsed);
