using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.Inventory.Dump;

/// <summary>
/// spec/inventory/workerd.json: every global and every importable node:* module of the pinned workerd, walked (issue 19, item 1).
/// Written by `dotnet run --project tools/Conformance.Surface -- inventory`; one member per line so a pin move diffs line by line.
/// </summary>
public sealed record InventoryDump(string Workerd, string Package, string CompatibilityDate, IReadOnlyList<InventoryMember> Members)
{
    public const string RelativePath = "spec/inventory/workerd.json";
    public const string GlobalsModule = "globals";

    /// <summary>The modules in dump order: globals first, then node:* by name.</summary>
    public IReadOnlyList<string> Modules => Members.Select(m => m.Module).Distinct().OrderBy(ModuleOrder).ThenBy(m => m, StringComparer.Ordinal).ToArray();

    public static int ModuleOrder(string module) => module == GlobalsModule ? 0 : 1;

    /// <summary>The walk's output lines (`{module, members}` or `{module, importFails}`) as a dump; a malformed line is an error naming it.</summary>
    public static InventoryDump FromWalk(string workerd, string package, string compatibilityDate, IEnumerable<JsonObject> lines)
    {
        var members = new List<InventoryMember>();
        foreach (var line in lines)
        {
            var module = line["module"]?.GetValue<string>() ?? throw new InvalidDataException($"a walk line without module: {Shorten(line)}");
            if (line["importFails"] is { } fails)
                throw new InvalidDataException($"node:module lists {module} but importing it throws {fails}: the walk cannot say what it holds");
            var list = line["members"] as JsonArray ?? throw new InvalidDataException($"a walk line without members: {Shorten(line)}");
            foreach (var node in list)
                members.Add(Member(module, node as JsonObject ?? throw new InvalidDataException($"{module}: a member that is not an object")));
        }
        return new InventoryDump(workerd, package, compatibilityDate, Sorted(members));
    }

    private static InventoryMember Member(string module, JsonObject fields)
    {
        var path = fields["path"]?.GetValue<string>() ?? throw new InvalidDataException($"{module}: a member without path: {fields.ToJsonString()}");
        var kind = fields["kind"]?.GetValue<string>() ?? throw new InvalidDataException($"{module} {path}: a member without kind");
        if (!InventoryMember.KnownKinds.Contains(kind)) throw new InvalidDataException($"{module} {path}: unknown kind \"{kind}\"");
        var rest = new JsonObject();
        foreach (var (key, value) in fields.OrderBy(p => p.Key, StringComparer.Ordinal))
            if (key is not ("path" or "kind")) rest[key] = value?.DeepClone();
        return new InventoryMember(module, path, kind, rest);
    }

    private static InventoryMember[] Sorted(IEnumerable<InventoryMember> members)
    {
        var sorted = members.OrderBy(m => ModuleOrder(m.Module)).ThenBy(m => m.Module, StringComparer.Ordinal).ThenBy(m => m.Path, StringComparer.Ordinal).ToArray();
        for (var i = 1; i < sorted.Length; i++)
            if (sorted[i].Module == sorted[i - 1].Module && sorted[i].Path == sorted[i - 1].Path)
                throw new InvalidDataException($"{sorted[i].Module} {sorted[i].Path} appears twice in the walk");
        return sorted;
    }

    public static InventoryDump Load(string root)
    {
        var path = Path.Combine(root, RelativePath);
        if (!File.Exists(path)) throw new InvalidDataException($"{RelativePath} is missing: write it with `dotnet run --project tools/Conformance.Surface -- inventory`");
        var json = JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new InvalidDataException($"{RelativePath} is not a JSON object");
        string Text(string key) => json[key]?.GetValue<string>() ?? throw new InvalidDataException($"{RelativePath} has no \"{key}\"");
        var members = new List<InventoryMember>();
        foreach (var module in json["modules"] as JsonArray ?? throw new InvalidDataException($"{RelativePath} has no \"modules\" array"))
        {
            var name = module?["module"]?.GetValue<string>() ?? throw new InvalidDataException($"{RelativePath}: a module without a name");
            foreach (var member in module["members"] as JsonArray ?? throw new InvalidDataException($"{RelativePath}: {name} has no members"))
                members.Add(Member(name, member as JsonObject ?? throw new InvalidDataException($"{RelativePath}: {name} has a member that is not an object")));
        }
        return new InventoryDump(Text("workerd"), Text("package"), Text("compatibilityDate"), Sorted(members));
    }

    /// <summary>The committed text: the header fields, then each module with one member per line.</summary>
    public string ToJson()
    {
        var text = new StringBuilder();
        text.Append("{\n");
        text.Append($"  \"note\": {Quote("Written by `dotnet run --project tools/Conformance.Surface -- inventory`; see spec/inventory/README.md.")},\n");
        text.Append($"  \"workerd\": {Quote(Workerd)},\n  \"package\": {Quote(Package)},\n  \"compatibilityDate\": {Quote(CompatibilityDate)},\n");
        text.Append("  \"modules\": [\n");
        var modules = Modules;
        for (var i = 0; i < modules.Count; i++)
        {
            text.Append($"    {{ \"module\": {Quote(modules[i])}, \"members\": [\n");
            var members = Members.Where(m => m.Module == modules[i]).ToArray();
            for (var j = 0; j < members.Length; j++)
            {
                var line = new JsonObject { ["path"] = members[j].Path, ["kind"] = members[j].Kind };
                foreach (var (key, value) in members[j].Fields) line[key] = value?.DeepClone();
                text.Append("      ").Append(line.ToJsonString(Readable)).Append(j + 1 < members.Length ? ",\n" : "\n");
            }
            text.Append(i + 1 < modules.Count ? "    ] },\n" : "    ] }\n");
        }
        text.Append("  ]\n}\n");
        return text.ToString();
    }

    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static string Quote(string value) => JsonSerializer.Serialize(value, Readable);
    private static string Shorten(JsonObject line) { var s = line.ToJsonString(); return s.Length > 200 ? s[..200] + "..." : s; }
}
