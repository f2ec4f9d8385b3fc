namespace Conformance.Inventory.Dump;

/// <summary>What a new walk shows against the committed dump: each member added (+), removed (-) or changed (~), and the version.</summary>
public static class DumpDiff
{
    public static IReadOnlyList<string> Lines(InventoryDump before, InventoryDump after)
    {
        var lines = new List<string>();
        if (before.Workerd != after.Workerd || before.Package != after.Package)
            lines.Add($"~ workerd: {before.Workerd} ({before.Package}) -> {after.Workerd} ({after.Package})");
        static string Key(InventoryMember m) => $"{m.Module} {m.Path}";
        static string Text(InventoryMember m) => $"{m.Kind} {m.Fields.ToJsonString()}";
        var old = before.Members.ToDictionary(Key, StringComparer.Ordinal);
        var now = after.Members.ToDictionary(Key, StringComparer.Ordinal);
        foreach (var key in old.Keys.Union(now.Keys).Order(StringComparer.Ordinal))
        {
            var had = old.TryGetValue(key, out var a);
            var has = now.TryGetValue(key, out var b);
            if (had && !has) lines.Add($"- {key} ({Text(a!)})");
            else if (!had && has) lines.Add($"+ {key} ({Text(b!)})");
            else if (Text(a!) != Text(b!)) lines.Add($"~ {key}: {Text(a!)} -> {Text(b!)}");
        }
        return lines;
    }
}
