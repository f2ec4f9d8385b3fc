using Conformance.Harness.Scenarios;
using Conformance.Harness.Targets;
using Conformance.Surface;

// spec/surface/README.md: dump [--check] [--target NAME]; spec/inventory/README.md: inventory [--check]. The features are written by tools/Conformance.Generate.
var root = RepositoryRoot.Find();
var check = args.Contains("--check");
var targetIndex = Array.IndexOf(args, "--target");
var targetName = targetIndex >= 0 && targetIndex + 1 < args.Length ? args[targetIndex + 1] : "workerd";
var command = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) && (targetIndex < 0 || a != args[targetIndex + 1]));

switch (command)
{
    case "inventory":
        try { return args.Contains("--committed") ? InventoryCommand.CheckCommitted(root) : await InventoryCommand.RunAsync(root, check); }
        catch (InvalidDataException e) { Console.Error.WriteLine(e.Message); return 2; }
    case "dump":
    {
        if (!check && targetName != "workerd")
        {
            Console.Error.WriteLine($"the description is workerd's: only workerd writes it; compare {targetName} with `dump --check --target {targetName}`");
            return 2;
        }
        var target = TargetFactory.TryCreate(targetName, root, null, out var problem);
        if (target is null) { Console.Error.WriteLine(problem); return 2; }
        if (await target.CheckAvailabilityAsync(CancellationToken.None) is { } unavailable) { Console.Error.WriteLine(unavailable); return 2; }
        SurfaceDescription observed;
        try { observed = await new SurfaceDump(target).RunAsync(CancellationToken.None); }
        catch (Exception e) when (e is InvalidOperationException or InvalidDataException)
        {
            // A run that did not complete (Node aborts on runInAsyncScope with a wrong receiver) or printed no entry.
            Console.Error.WriteLine($"the dump on {target.Name} failed: {e.Message}");
            return 2;
        }
        var path = Path.Combine(root, SurfaceDescription.RelativePath);
        if (!check)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, observed.ToJson());
            Console.WriteLine($"wrote {SurfaceDescription.RelativePath}: {observed.Entries.Count} entries observed on {target.Name}");
            return 0;
        }
        var differences = SurfaceDiff.Compare(SurfaceDescription.Load(root), observed, includeInternal: target.Name == "workerd");
        foreach (var difference in differences) Console.WriteLine(difference);
        Console.WriteLine(differences.Count == 0
            ? $"{target.Name} matches {SurfaceDescription.RelativePath} ({observed.Entries.Count} entries)"
            : $"{differences.Count} differences between {target.Name} and {SurfaceDescription.RelativePath}");
        return differences.Count == 0 ? 0 : 1;
    }
    default:
        Console.Error.WriteLine("usage: dotnet run --project tools/Conformance.Surface -- dump [--check] [--target NAME] | inventory [--check | --committed] (the features: dotnet run --project tools/Conformance.Generate)");
        return 2;
}
