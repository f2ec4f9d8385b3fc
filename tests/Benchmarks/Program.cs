using System.Globalization;
using System.Reflection;
using System.Text;
using BenchmarkDotNet.Running;

namespace Benchmarks;

/// <summary>
/// Runs the benchmarks with BenchmarkDotNet (dotnet run -c Release --project tests/Benchmarks -- --filter '*'), or
/// the <see cref="Interleaved"/> cross-check (-- --interleaved), then prints each benchmark against the baseline
/// of its class, with the issue's target where it has one.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        var interleaved = args.Contains("--interleaved");
        var pairs = interleaved ? Interleaved.Measure() : RunBenchmarkDotNet(args);
        if (pairs.Count == 0) return;

        var table = new StringBuilder()
            .AppendLine("| Pair | Benchmark | Mean ns/op | Baseline mean ns/op | Ratio of means | of medians | of minimums | Target | Met (means) |")
            .AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---|");
        foreach (var (row, baseline) in pairs)
        {
            var ratio = row.Mean / baseline.Mean;
            var target = row.Method.GetCustomAttribute<RatioTargetAttribute>();
            var met = target is null ? "-" : ratio <= target.Max ? "yes" : $"no, {(ratio / target.Max - 1) * 100:F1}% over";
            table.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {target?.Pair ?? "(no target)"} | {row.Type.Name}.{row.Method.Name} vs .{baseline.Method.Name} | {row.Mean:F1} | {baseline.Mean:F1} | {ratio:F3}x | {row.Median / baseline.Median:F3}x | {row.Min / baseline.Min:F3}x | {(target is null ? "-" : $"<= {target.Max:F2}x")} | {met} |"));
        }
        Console.WriteLine();
        Console.WriteLine(interleaved
            ? "Ratios to the baseline of each class, interleaved rounds, thread CPU time:"
            : "Ratios to the baseline of each class, BenchmarkDotNet, same run:");
        Console.Write(table);
        if (File.Exists("/proc/loadavg")) Console.WriteLine($"load average now (1/5/15 min): {File.ReadAllText("/proc/loadavg").Trim()} on {Environment.ProcessorCount} cores");
    }

    /// <summary>Each non-baseline benchmark with the baseline of its class.</summary>
    private static List<(Row Target, Row Baseline)> RunBenchmarkDotNet(string[] args)
    {
        var rows = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args)
            .SelectMany(s => s.Reports)
            .Where(r => r.ResultStatistics is not null)
            .Select(r => (r.BenchmarkCase.Descriptor.Baseline, Row: new Row(r.BenchmarkCase.Descriptor.Type, r.BenchmarkCase.Descriptor.WorkloadMethod,
                r.ResultStatistics!.Mean, r.ResultStatistics.Median, r.ResultStatistics.Min)))
            .ToList();
        return rows.Where(r => !r.Baseline)
            .SelectMany(t => rows.Where(b => b.Baseline && b.Row.Type == t.Row.Type).Select(b => (t.Row, b.Row)))
            .ToList();
    }
}

/// <summary>One benchmark's time per operation (ns).</summary>
public sealed record Row(Type Type, MethodInfo Method, double Mean, double Median, double Min);

/// <summary>The issue's target for a benchmark's ratio to its class's baseline.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RatioTargetAttribute(double max, string pair) : Attribute
{
    public double Max { get; } = max;
    public string Pair { get; } = pair;
}
