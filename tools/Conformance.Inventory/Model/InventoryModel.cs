using Conformance.Inventory.Dump;

namespace Conformance.Inventory.Model;

/// <summary>
/// The hand-kept model (issue 19, item 1): one file per module under spec/inventory/model/, the callback shapes they share
/// (shapes.json), and spec/inventory/unclassified.txt, the modules not classified yet (a listed, counted gap).
/// </summary>
public sealed record InventoryModel(IReadOnlyList<ModuleModel> Modules, IReadOnlyList<string> Unclassified)
{
    public const string Folder = "spec/inventory/model";
    public const string ShapesFile = "spec/inventory/model/shapes.json";
    public const string UnclassifiedFile = "spec/inventory/unclassified.txt";

    public static InventoryModel Load(string root)
    {
        var folder = Path.Combine(root, Folder);
        if (!Directory.Exists(folder)) throw new InvalidDataException($"{Folder} is missing");
        var shapes = ModelReader.Shapes(ModelReader.ReadObject(Path.Combine(root, ShapesFile), ShapesFile), ShapesFile);
        var modules = Directory.EnumerateFiles(folder, "*.json").Where(f => Path.GetFileName(f) != "shapes.json")
            .Order(StringComparer.Ordinal)
            .Select(f => { var rel = $"{Folder}/{Path.GetFileName(f)}"; return ModelReader.Module(ModelReader.ReadObject(f, rel), rel, shapes); })
            .ToArray();
        var twice = modules.GroupBy(m => m.Module).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) throw new InvalidDataException($"{twice.Key} has two models: {string.Join(", ", twice.Select(m => m.File))}");
        var unclassifiedPath = Path.Combine(root, UnclassifiedFile);
        var unclassified = File.Exists(unclassifiedPath)
            ? File.ReadAllLines(unclassifiedPath).Select(l => l.Split('#', 2)[0].Trim()).Where(l => l.Length > 0).ToArray()
            : [];
        return new InventoryModel(modules, unclassified);
    }

    public ModuleModel? ModelOf(string module) => Modules.FirstOrDefault(m => m.Module == module);

    /// <summary>Every async source of <paramref name="dump"/>'s classified members, in dump order: what the matrix generates rows from.</summary>
    public IReadOnlyList<AsyncSource> AsyncSources(InventoryDump dump) =>
        dump.Members.Where(m => m.NeedsClassification)
            .Select(m => (m, c: ModelOf(m.Module)?.Classify(m.Path)))
            .Where(p => p.c is Classification.Async)
            .Select(p => new AsyncSource(p.m.Module, p.m.Path, p.m.Kind, ((Classification.Async)p.c!).Callbacks))
            .ToArray();

    public static string FrameName(CandidateFrame frame) => ModelReader.FrameName(frame);
    public static string ReasonName(LeftOutReason reason) => ModelReader.ReasonName(reason);
}
