using System.Globalization;
using Conformance.Explore.Exploring;
using Conformance.Explore.Reporting;
using Conformance.Harness.Execution;
using Conformance.Harness.Scenarios;

// Differential exploration (issue 9). Usage:
//   explore --target <t> [--count N] [--seed S] [--shard i/n] [--report-dir reports] [--timeout seconds] [--parallelism P]
//           [--expected <list>, e.g. targets/expectations/explore-reference.txt]     (exit 1 on a divergence the list does not name)
//   merge --into <dir> <shard dir>...
//   print [--seed S] [--index I]                                  (the program the generator makes for that index)
//   trace --target <t> [--seed S] [--index I]                     (that program's trace on one target: to read a truth failure)
// Defaults come from CONFORMANCE_EXPLORE_COUNT / CONFORMANCE_EXPLORE_SEED / CONFORMANCE_TARGET when set.
try
{
    if (args.Length == 0 || args[0] is "help" or "--help" or "-h") return Usage(0);
    var options = Options.Parse(args.Skip(1).ToArray(), out var positional);
    var root = RepositoryRoot.Find();
    switch (args[0])
    {
        case "explore":
        {
            var target = options.GetValueOrDefault("target") ?? Environment.GetEnvironmentVariable("CONFORMANCE_TARGET") ?? "reference";
            var request = new ExploreRequest(
                target,
                int.Parse(options.GetValueOrDefault("count") ?? Environment.GetEnvironmentVariable("CONFORMANCE_EXPLORE_COUNT") ?? "100", CultureInfo.InvariantCulture),
                long.Parse(options.GetValueOrDefault("seed") ?? Environment.GetEnvironmentVariable("CONFORMANCE_EXPLORE_SEED") ?? "1", CultureInfo.InvariantCulture),
                options.TryGetValue("shard", out var shard) && shard.Length > 0 ? ShardSpec.Parse(shard) : null,
                Path.GetFullPath(options.GetValueOrDefault("report-dir") ?? Path.Combine(root, "reports")),
                TimeSpan.FromSeconds(double.Parse(options.GetValueOrDefault("timeout") ?? "10", CultureInfo.InvariantCulture)),
                options.TryGetValue("parallelism", out var p) && int.Parse(p, CultureInfo.InvariantCulture) > 0 ? int.Parse(p, CultureInfo.InvariantCulture) : null);
            if (request.Count < 1) throw new FormatException("--count must be at least 1");
            var summary = await ExploreRun.RunAsync(request, root, Console.Out);
            foreach (var line in summary.ConsoleLines()) Console.WriteLine(line);
            Console.WriteLine($"report: {ExploreRun.ReportDirectory(request.ReportRoot, request.Target, request.Shard)}");
            if (!options.TryGetValue("expected", out var expectedPath)) return 0;
            var expected = ExpectedDivergences.Load(Path.GetFullPath(expectedPath));
            var gate = ExplorationGate.Problems(summary, expected);
            foreach (var problem in gate) Console.WriteLine("explore gate: " + problem);
            return gate.Count == 0 ? 0 : 1;
        }
        case "print":
        {
            var program = new Conformance.Explore.Generation.ProgramGenerator(Conformance.Explore.Sources.SourceCatalog.Load(root)).Generate(
                long.Parse(options.GetValueOrDefault("seed") ?? "1", CultureInfo.InvariantCulture), int.Parse(options.GetValueOrDefault("index") ?? "0", CultureInfo.InvariantCulture));
            Console.WriteLine("// " + Signature.Of(program.Operations));
            Console.Write(Conformance.Explore.Generation.ProgramRenderer.Render(program.Operations));
            return 0;
        }
        case "trace":
        {
            var name = options.GetValueOrDefault("target") ?? "workerd";
            var target = Conformance.Harness.Targets.TargetFactory.TryCreate(name, root, null, out var problem) ?? throw new ArgumentException(problem ?? $"unknown target {name}");
            var program = new Conformance.Explore.Generation.ProgramGenerator(Conformance.Explore.Sources.SourceCatalog.Load(root)).Generate(
                long.Parse(options.GetValueOrDefault("seed") ?? "1", CultureInfo.InvariantCulture), int.Parse(options.GetValueOrDefault("index") ?? "0", CultureInfo.InvariantCulture));
            var run = await target.RunAsync(Conformance.Explore.Generation.ProgramRenderer.ToScenarioProgram(program), TimeSpan.FromSeconds(20), CancellationToken.None);
            Console.WriteLine($"// {name}: {run.Status} {run.Detail}");
            foreach (var line in run.Trace) Console.WriteLine(line);
            return run.Status == Conformance.Harness.Targets.RunStatus.Completed && Explorer.ReachedEnd(run.Trace) ? 0 : 1;
        }
        case "merge":
        {
            if (!options.TryGetValue("into", out var into)) throw new FormatException("merge needs --into <dir>");
            var merged = ShardMerge.Merge(positional, Path.GetFullPath(into));
            foreach (var line in merged.ConsoleLines()) Console.WriteLine(line);
            return 0;
        }
        default:
            Console.Error.WriteLine($"unknown command \"{args[0]}\"");
            return Usage(2);
    }
}
catch (Exception error) when (error is FormatException or ArgumentException or InvalidOperationException or IOException or InvalidDataException)
{
    Console.Error.WriteLine("explore: " + error.Message);
    return 2;
}

static int Usage(int code)
{
    Console.WriteLine("usage: explore --target <t> [--count N] [--seed S] [--shard i/n] [--report-dir dir] [--timeout s] [--parallelism P] [--expected list]");
    Console.WriteLine("       merge --into <dir> <shard dir>...");
    Console.WriteLine("       print [--seed S] [--index I]");
    Console.WriteLine("       trace [--target t] [--seed S] [--index I]");
    return code;
}

internal static class Options
{
    public static Dictionary<string, string> Parse(string[] args, out List<string> positional)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        positional = [];
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) { positional.Add(args[i]); continue; }
            if (i + 1 >= args.Length) throw new FormatException($"{args[i]} needs a value");
            options[args[i][2..]] = args[++i];
        }
        return options;
    }
}
