// Measures differential exploration (tools/Conformance.Explore, issue 9): per target and in one run, the programs per
// second of a seeded exploration of N programs against workerd, as summary.json counts them (every step, stability
// re-runs and minimisation included), with the divergences and statuses it met and the machine's load average before
// and after each target. Goal: 20 programs per second or more against workerd on a 2-core machine.
// Run: tests/perf/measure-explore.sh [targets=reference,workerd,node,node26,deno,bun] [N=200] [seed=20261201]
#:project PerfTiming/PerfTiming.csproj
#:project ../../tools/Conformance.Explore/Conformance.Explore.csproj
using System.Globalization;
using Conformance.Explore.Exploring;
using PerfTiming;

var names = (args.Length > 0 ? args[0] : "reference,workerd,node,node26,deno,bun").Split(',', StringSplitOptions.RemoveEmptyEntries);
var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
var seed = args.Length > 2 ? long.Parse(args[2], CultureInfo.InvariantCulture) : 20261201;
var root = RepositoryRoot.Find(Environment.CurrentDirectory);
var reports = Directory.CreateTempSubdirectory("conformance-perf-explore-");
Console.WriteLine($"explore: {count} programs, seed {seed}, each target against workerd; {Machine.Describe()}");
Console.WriteLine($"{"target",-9} {"programs/s",10} {"wall",8} {"diverging",9} {"unstable",8} {"timeouts",8} {"crashes",7} {"errors",6}  load after");
var status = 0;
try
{
    foreach (var name in names)
    {
        var request = new ExploreRequest(name, count, seed, null, reports.FullName, TimeSpan.FromSeconds(30), null);
        try
        {
            var s = await ExploreRun.RunAsync(request, root, TextWriter.Null);
            Console.WriteLine($"{name,-9} {s.ProgramsPerSecond,10:0.00} {s.WallSeconds,6:0.0} s {s.Divergences.Sum(d => d.Count),9} {s.DiscardedUnstable,8} {s.Timeouts,8} {s.Crashes,7} {s.Errors,6}  {Machine.LoadAverage()}");
            if (s.TruthFailures > 0) { Console.WriteLine($"{name,-9} {s.TruthFailures} program(s) did not complete on workerd"); status = 1; }
        }
        catch (InvalidOperationException unavailable)
        {
            Console.WriteLine($"{name,-9} {unavailable.Message}");
            status = 2;
        }
    }
}
finally
{
    reports.Delete(recursive: true);
}
return status;
