using Conformance.Harness.Targets;
using Conformance.Inventory.Check;
using Conformance.Inventory.Dump;
using Conformance.Inventory.Model;

namespace Conformance.Surface;

/// <summary>
/// `inventory [--check]` (spec/inventory/README.md): walk the pinned workerd, write spec/inventory/workerd.json (or, with --check,
/// only compare), then print every line that changed against the committed dump and every disagreement with the model.
/// Exit 0 when nothing differs, 1 when something does, 2 when the walk could not run.
/// </summary>
public static class InventoryCommand
{
    /// <summary>`inventory --committed`: no walk, the committed dump against the model (for editing the model).</summary>
    public static int CheckCommitted(string root)
    {
        var report = ModelAgreement.Check(InventoryDump.Load(root), InventoryModel.Load(root));
        foreach (var disagreement in report.Problems) Console.WriteLine($"model: {disagreement}");
        Console.WriteLine($"{report.Problems.Count} disagreements with the model; {report.Unclassified.Count} modules not classified yet "
            + $"({report.UnclassifiedMembers} members, {InventoryModel.UnclassifiedFile})");
        return report.Problems.Count == 0 ? 0 : 1;
    }

    public static async Task<int> RunAsync(string root, bool check)
    {
        var target = TargetFactory.TryCreate("workerd", root, null, out var problem);
        if (target is null) { Console.Error.WriteLine(problem); return 2; }
        if (await target.CheckAvailabilityAsync(CancellationToken.None) is { } unavailable) { Console.Error.WriteLine(unavailable); return 2; }
        InventoryDump observed;
        try { observed = await new InventoryRun(target, root).RunAsync(CancellationToken.None); }
        catch (Exception e) when (e is InvalidOperationException or InvalidDataException)
        {
            Console.Error.WriteLine($"the walk on workerd failed: {e.Message}");
            return 2;
        }
        var path = Path.Combine(root, InventoryDump.RelativePath);
        var committed = File.Exists(path) ? InventoryDump.Load(root) : null;
        var changes = committed is null ? [$"+ (no committed {InventoryDump.RelativePath})"] : DumpDiff.Lines(committed, observed);
        foreach (var change in changes) Console.WriteLine(change);
        if (!check)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, observed.ToJson());
            Console.WriteLine($"wrote {InventoryDump.RelativePath}: {observed.Members.Count} members of {observed.Modules.Count} modules ({observed.Workerd})");
        }
        var report = ModelAgreement.Check(observed, InventoryModel.Load(root));
        foreach (var disagreement in report.Problems) Console.WriteLine($"model: {disagreement}");
        Console.WriteLine($"{changes.Count} changes against the committed dump, {report.Problems.Count} disagreements with the model; "
            + $"{report.Unclassified.Count} modules not classified yet ({report.UnclassifiedMembers} members, {InventoryModel.UnclassifiedFile})");
        return changes.Count == 0 && report.Problems.Count == 0 ? 0 : 1;
    }
}
