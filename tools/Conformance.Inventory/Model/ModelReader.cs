using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.Inventory.Model;

/// <summary>
/// Reads the model's JSON (spec/inventory/README.md, "The model"). Every error names the file and the member, so a typo in a
/// hand-kept file is found where it is; comments and trailing commas are allowed, unknown fields are not.
/// </summary>
internal static class ModelReader
{
    public static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private static readonly Dictionary<string, CandidateFrame> FrameNames = new(StringComparer.Ordinal)
    {
        ["creation"] = CandidateFrame.Creation, ["registration"] = CandidateFrame.Registration, ["trigger"] = CandidateFrame.Trigger,
        ["request"] = CandidateFrame.Request, ["module"] = CandidateFrame.ModuleTopLevel, ["none"] = CandidateFrame.None,
    };

    private static readonly Dictionary<string, LeftOutReason> ReasonNames = new(StringComparer.Ordinal)
    {
        ["network"] = LeftOutReason.Network, ["binding"] = LeftOutReason.Binding, ["not-deterministic"] = LeftOutReason.NotDeterministic,
        ["not-implemented-in-workerd"] = LeftOutReason.NotImplementedInWorkerd, ["harness"] = LeftOutReason.Harness,
    };

    public static string FrameName(CandidateFrame frame) => FrameNames.First(p => p.Value == frame).Key;
    public static string ReasonName(LeftOutReason reason) => ReasonNames.First(p => p.Value == reason).Key;

    public static JsonObject ReadObject(string path, string relative) =>
        JsonNode.Parse(File.ReadAllText(path), documentOptions: Options) as JsonObject ?? throw new InvalidDataException($"{relative} is not a JSON object");

    public static IReadOnlyDictionary<string, IReadOnlyList<SourceCallback>> Shapes(JsonObject json, string file)
    {
        var shapes = new Dictionary<string, IReadOnlyList<SourceCallback>>(StringComparer.Ordinal);
        foreach (var (name, value) in json["shapes"] as JsonObject ?? throw new InvalidDataException($"{file} has no \"shapes\" object"))
            shapes[name] = (value as JsonArray ?? throw new InvalidDataException($"{file}: shape \"{name}\" is not an array"))
                .Select(c => Callback(c, $"{file}: shape \"{name}\"")).ToArray();
        return shapes;
    }

    public static ModuleModel Module(JsonObject json, string file, IReadOnlyDictionary<string, IReadOnlyList<SourceCallback>> shapes)
    {
        Only(json, file, "module", "rules", "members");
        var module = json["module"]?.GetValue<string>() ?? throw new InvalidDataException($"{file} has no \"module\"");
        var rules = new List<ModelRule>();
        foreach (var node in json["rules"] as JsonArray ?? [])
        {
            var rule = node as JsonObject ?? throw new InvalidDataException($"{file}: a rule that is not an object");
            var match = rule["match"]?.GetValue<string>() ?? throw new InvalidDataException($"{file}: a rule without \"match\"");
            var where = $"{file}: rule \"{match}\"";
            var stars = match.Count(c => c == '*');
            if (match != "*" && stars > 0 && !(stars == 1 && (match.EndsWith(".*", StringComparison.Ordinal) || match.StartsWith('*'))))
                throw new InvalidDataException($"{where}: a match is an exact path, `Prefix.*`, `*Suffix` or `*`");
            if (rule.ContainsKey("async")) throw new InvalidDataException($"{where}: a rule cannot make members async sources; list each with its callbacks");
            var except = (rule["except"] as JsonArray ?? []).Select(e => e?.GetValue<string>() ?? throw new InvalidDataException($"{where}: a null exception")).ToArray();
            rules.Add(new ModelRule(match, Classify(rule, where, shapes, "except", "match"), except));
        }
        var twice = rules.GroupBy(r => r.Match).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) throw new InvalidDataException($"{file}: two rules match \"{twice.Key}\"");
        var members = new Dictionary<string, Classification>(StringComparer.Ordinal);
        foreach (var (path, node) in json["members"] as JsonObject ?? [])
            members[path] = Classify(node as JsonObject ?? throw new InvalidDataException($"{file}: member \"{path}\" is not an object"), $"{file}: member \"{path}\"", shapes);
        return new ModuleModel(module, file, rules, members);
    }

    private static Classification Classify(JsonObject entry, string where, IReadOnlyDictionary<string, IReadOnlyList<SourceCallback>> shapes, params string[] extra)
    {
        Only(entry, where, [.. extra, "sync", "async", "leftOut", "why"]);
        var forms = new[] { "sync", "async", "leftOut" }.Where(entry.ContainsKey).ToArray();
        if (forms.Length != 1) throw new InvalidDataException($"{where}: exactly one of \"sync\", \"async\", \"leftOut\" (found {forms.Length})");
        switch (forms[0])
        {
            case "sync":
                if (entry.ContainsKey("why")) throw new InvalidDataException($"{where}: the reason of \"sync\" is its own value");
                return new Classification.Synchronous(where, entry["sync"]?.GetValue<string>());
            case "leftOut":
            {
                var name = entry["leftOut"]?.GetValue<string>() ?? "";
                if (!ReasonNames.TryGetValue(name, out var reason))
                    throw new InvalidDataException($"{where}: \"{name}\" is not a reason ({string.Join(", ", ReasonNames.Keys)})");
                var why = entry["why"]?.GetValue<string>();
                if (string.IsNullOrWhiteSpace(why)) throw new InvalidDataException($"{where}: a left-out member needs \"why\"");
                return new Classification.LeftOut(where, reason, why);
            }
            default:
            {
                if (entry.ContainsKey("why")) throw new InvalidDataException($"{where}: an async source says why through its callbacks' \"when\"");
                var items = entry["async"] is JsonArray array ? array.ToArray() : [entry["async"]];
                var callbacks = new List<SourceCallback>();
                foreach (var item in items)
                {
                    if (item is JsonValue v && v.TryGetValue<string>(out var shape))
                        callbacks.AddRange(shapes.TryGetValue(shape, out var found) ? found : throw new InvalidDataException($"{where}: no shape \"{shape}\" in spec/inventory/model/shapes.json"));
                    else callbacks.Add(Callback(item, where));
                }
                if (callbacks.Count == 0) throw new InvalidDataException($"{where}: an async source with no callback");
                return new Classification.Async(where, callbacks);
            }
        }
    }

    private static SourceCallback Callback(JsonNode? node, string where)
    {
        var o = node as JsonObject ?? throw new InvalidDataException($"{where}: a callback is a shape name or an object");
        Only(o, where, "callback", "when", "frames");
        var name = o["callback"]?.GetValue<string>() ?? throw new InvalidDataException($"{where}: a callback without \"callback\"");
        var when = o["when"]?.GetValue<string>() ?? throw new InvalidDataException($"{where}: callback \"{name}\" without \"when\"");
        var frames = (o["frames"] as JsonArray ?? throw new InvalidDataException($"{where}: callback \"{name}\" without \"frames\"")).Select(f =>
        {
            var text = f?.GetValue<string>() ?? "";
            return FrameNames.TryGetValue(text, out var frame) ? frame
                : throw new InvalidDataException($"{where}: callback \"{name}\": \"{text}\" is not a frame ({string.Join(", ", FrameNames.Keys)})");
        }).ToArray();
        if (frames.Length == 0 || frames.Distinct().Count() != frames.Length) throw new InvalidDataException($"{where}: callback \"{name}\" needs distinct frames");
        return new SourceCallback(name, when, frames);
    }

    private static void Only(JsonObject o, string where, params string[] allowed)
    {
        var unknown = o.Select(p => p.Key).FirstOrDefault(k => !allowed.Contains(k));
        if (unknown is not null) throw new InvalidDataException($"{where}: unknown field \"{unknown}\" (allowed: {string.Join(", ", allowed)})");
    }
}
