using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;

namespace Benchmarks;

/// <summary>
/// Cross-check for loaded machines (<c>-- --interleaved</c>): runs the same benchmark classes without
/// BenchmarkDotNet, alternating the two sides of each pair round by round and timing each with the thread's CPU
/// time, so that load from other processes neither lands on one side of a pair only nor counts as time.
/// </summary>
public static class Interleaved
{
    private const int WarmupRounds = 10, Rounds = 30, InvokesPerRound = 5;

    /// <summary>
    /// Each benchmark with a target against the baseline of its class, each pair on a fresh instance of the class.
    /// (ThenChain.HooksAndHostThen is left out: its ConditionalWeakTable slows the GC for the baseline beside it.)
    /// </summary>
    public static List<(Row Target, Row Baseline)> Measure()
    {
        var pairs = new List<(Row, Row)>();
        var types = typeof(Interleaved).Assembly.GetTypes().Where(t => Benchmarks(t).Any()).OrderBy(t => t.Name);
        foreach (var type in types)
        {
            var baseline = Benchmarks(type).Single(m => m.GetCustomAttribute<BenchmarkAttribute>()!.Baseline);
            foreach (var target in Benchmarks(type).Where(m => m.IsDefined(typeof(RatioTargetAttribute))))
            {
                GC.Collect();
                var instance = Activator.CreateInstance(type)!;
                foreach (var setup in type.GetMethods().Where(m => m.IsDefined(typeof(GlobalSetupAttribute)))) setup.Invoke(instance, null);
                var samples = new[] { new List<double>(), new List<double>() };
                for (var round = 0; round < WarmupRounds + Rounds; round++)
                {
                    foreach (var side in round % 2 == 0 ? [0, 1] : new[] { 1, 0 })
                    {
                        var method = side == 0 ? baseline : target;
                        var start = ThreadCpuNanoseconds();
                        for (var i = 0; i < InvokesPerRound; i++) method.Invoke(instance, null);
                        var perOp = (ThreadCpuNanoseconds() - start) / (double)(InvokesPerRound * BenchHost.N);
                        if (round >= WarmupRounds) samples[side].Add(perOp);
                    }
                }
                pairs.Add((Stats(type, target, samples[1]), Stats(type, baseline, samples[0])));
                Console.WriteLine($"{type.Name}.{target.Name} vs .{baseline.Name}: done");
            }
        }
        return pairs;
    }

    private static IEnumerable<MethodInfo> Benchmarks(Type type) => type.GetMethods().Where(m => m.IsDefined(typeof(BenchmarkAttribute)));

    private static Row Stats(Type type, MethodInfo method, List<double> samples)
    {
        var sorted = samples.Order().ToList();
        return new Row(type, method, sorted.Average(), sorted[sorted.Count / 2], sorted[0]);
    }

    /// <summary>CLOCK_THREAD_CPUTIME_ID on Linux; elsewhere wall-clock time (then no better than BenchmarkDotNet).</summary>
    private static long ThreadCpuNanoseconds()
    {
        if (!OperatingSystem.IsLinux()) return (long)(Stopwatch.GetTimestamp() * (1e9 / Stopwatch.Frequency));
        clock_gettime(3, out var t);
        return t.Seconds * 1_000_000_000 + t.Nanoseconds;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec { public long Seconds, Nanoseconds; }

    [DllImport("libc")]
    private static extern int clock_gettime(int clock, out Timespec time);
}
