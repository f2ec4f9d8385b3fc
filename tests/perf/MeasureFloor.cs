// Issue 18, item 11: the speed floor is the suite's own programs, each run bare on the runtime (tests/perf/bare/: the least
// bridge that runs it, no harness, no sandbox), their CPU summed and divided over the cores. Measured in one run per target,
// beside the whole suite through the harness's executor as CI runs it (batched where the target batches): the suite's wall
// time against the floor (goal <= 1.25) and the CPU the runtime processes spent per program through the bridge against the
// same program bare (goal <= 1.25), with the harness's own CPU apart. Run: tests/perf/measure-floor.sh [targets] [filter]
#:project PerfTiming/PerfTiming.csproj
using System.Globalization;
using PerfTiming;

var names = (args.Length > 0 ? args[0] : string.Join(",", BareRun.Runtimes)).Split(',', StringSplitOptions.RemoveEmptyEntries);
var root = RepositoryRoot.Find(Environment.CurrentDirectory);
var programs = SuiteTiming.Programs(root).Where(p => args.Length < 2 || p.Id.Contains(args[1], StringComparison.Ordinal)).ToList();
if (programs.Count == 0)
{
    Console.Error.WriteLine($"measure-floor: no scenario id contains '{args[1]}' (ids look like matrix/timers/<name>)");
    return 2;
}
var cores = Environment.ProcessorCount;
var invariant = CultureInfo.InvariantCulture;
Console.WriteLine($"scenarios: {programs.Count}, {Machine.Describe()}");
Console.WriteLine("floor = bare CPU / cores; suite = the executor's wall time, batched where the target batches; CPU per program in ms");
Console.WriteLine($"{"target",-8} {"floor",8} {"suite",8} {"suite/floor",11} {"bare/prog",9} {"bridge/prog",11} {"bridge/bare",11} {"harness/prog",12} {"bare not 0",10}");
var status = 0;
foreach (var name in names)
{
    var (target, problem, notReady) = await SuiteTiming.ReadyAsync(name, root);
    if (target is null) { Console.WriteLine(problem); status = Math.Max(status, notReady); continue; }
    var bare = await BareRun.RunAsync(name, root, programs, TimeSpan.FromSeconds(30));
    var floor = bare.Cpu / cores;

    var ownBefore = ProcessCpu.OwnTime();
    var childrenBefore = ProcessCpu.ChildrenTime();
    var (suite, runs) = await SuiteTiming.RunAsync(target, programs, batching: true);
    var bridge = ProcessCpu.ChildrenTime() - childrenBefore;
    var harness = ProcessCpu.OwnTime() - ownBefore;
    var notCompleted = runs.Count(r => r.Status != RunStatus.Completed);

    double PerProgram(TimeSpan t) => t.TotalMilliseconds / programs.Count;
    Console.WriteLine(string.Create(invariant,
        $"{name,-8} {floor.TotalSeconds,6:0.00} s {suite.TotalSeconds,6:0.00} s {suite / floor,11:0.00} {PerProgram(bare.Cpu),9:0.0} {PerProgram(bridge),11:0.0} {bridge / bare.Cpu,11:0.00} {PerProgram(harness),12:0.0} {bare.NonZeroExits + bare.TimedOut.Count,10}"));
    if (bare.TimedOut.Count > 0 || notCompleted > 0)
        Console.WriteLine($"  {name}: {bare.TimedOut.Count} bare runs timed out ({string.Join(", ", bare.TimedOut.Take(10))}), {notCompleted} harness runs did not complete");
}
Console.WriteLine($"after: {Machine.Describe()}");
return status;
