using System.Text.Json.Nodes;

namespace Conformance.Inventory.Dump;

/// <summary>
/// One member the walk met (spec/inventory/README.md, "The dump"): its module (`globals` or `node:x`), its path from the module's
/// exports (`EventEmitter.prototype.on`, `(reader of a ReadableStream).read` for a recipe's object) and its kind; the other
/// fields (length, get/set, type, alias target) are kept as the walk printed them.
/// </summary>
public sealed record InventoryMember(string Module, string Path, string Kind, JsonObject Fields)
{
    /// <summary>The kinds the model must classify: everything that can be called, read through a getter, or handles events.</summary>
    public static IReadOnlySet<string> ClassifiedKinds { get; } = new HashSet<string>(StringComparer.Ordinal) { "function", "class", "accessor", "handler" };

    /// <summary>The kinds the walk prints; anything else is a walk the tool does not understand.</summary>
    public static IReadOnlySet<string> KnownKinds { get; } =
        new HashSet<string>(StringComparer.Ordinal) { "function", "class", "accessor", "handler", "value", "object", "alias", "unreadable", "recipeFailed" };

    public bool NeedsClassification => ClassifiedKinds.Contains(Kind);
}
