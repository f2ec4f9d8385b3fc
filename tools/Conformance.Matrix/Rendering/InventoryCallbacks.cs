using Conformance.Inventory.Dump;
using Conformance.Inventory.Model;
using Conformance.Matrix.Model;

namespace Conformance.Matrix.Rendering;

/// <summary>
/// Every callback of every async source of the inventory (spec/inventory/workerd.json classified by spec/inventory/model/),
/// in the inventory's order: what the rows generated from the inventory must cover (issue 19, item 2).
/// </summary>
public static class InventoryCallbacks
{
    public const string Sources = "spec/inventory/model/";

    public static IReadOnlyList<InventoryCallback> Load(string root) =>
        [.. InventoryModel.Load(root).AsyncSources(InventoryDump.Load(root))
            .SelectMany(s => s.Callbacks.Select(c => new InventoryCallback(s.Module, s.Path, c.Callback)))];
}
