// Measures the whole suite's time on the in-process reference target against the same suite on a process target
// (default workerd), in one run, alternating rounds so machine noise hits both (issue goal: reference <= 0.5x workerd).
// Both go through the harness's own executor at each target's parallelism, every scenario compiled from features/.
// Run: tests/perf/measure-suite-speed.sh [target=workerd] [rounds=3]
#:project PerfTiming/PerfTiming.csproj
using PerfTiming;

var otherName = args.Length > 0 ? args[0] : "workerd";
var rounds = args.Length > 1 ? int.Parse(args[1]) : 3;
var root = RepositoryRoot.Find(Environment.CurrentDirectory);
var programs = SuiteTiming.Programs(root);
var reference = SuiteTiming.Create("reference", root);
var other = SuiteTiming.Create(otherName, root);
if (await other.CheckAvailabilityAsync(default) is { } reason) { Console.Error.WriteLine(reason); return 2; }

async Task<(TimeSpan Elapsed, int Incomplete)> SuiteAsync(ITarget target)
{
    var (elapsed, runs) = await SuiteTiming.RunAsync(target, programs);
    return (elapsed, runs.Count(r => r.Status != RunStatus.Completed));
}

await SuiteAsync(reference); // warm-up: JIT of the harness and the host, not counted
var referenceTimes = new List<TimeSpan>();
var otherTimes = new List<TimeSpan>();
for (var round = 1; round <= rounds; round++)
{
    var r = await SuiteAsync(reference);
    var o = await SuiteAsync(other);
    referenceTimes.Add(r.Elapsed);
    otherTimes.Add(o.Elapsed);
    Console.WriteLine($"round {round}: reference {r.Elapsed.TotalSeconds:0.00} s ({r.Incomplete} incomplete), {otherName} {o.Elapsed.TotalSeconds:0.00} s ({o.Incomplete} incomplete)");
}

static TimeSpan Median(List<TimeSpan> times) => times.Order().ElementAt(times.Count / 2);
var ratio = Median(referenceTimes) / Median(otherTimes);
Console.WriteLine($"scenarios: {programs.Count}, {Machine.Describe()}, parallelism: reference {reference.MaxParallelism}, {otherName} {other.MaxParallelism}");
Console.WriteLine($"median whole-suite time: reference {Median(referenceTimes).TotalSeconds:0.00} s, {otherName} {Median(otherTimes).TotalSeconds:0.00} s");
Console.WriteLine($"ratio reference/{otherName}: {ratio:0.00} (goal <= 0.5)");
return 0;
