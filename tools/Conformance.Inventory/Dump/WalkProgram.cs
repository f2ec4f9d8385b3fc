using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.Inventory.Dump;

/// <summary>An object a member returns, walked like an export (issue 19, item 1: "construction recipes kept in the model").</summary>
public sealed record WalkRecipe(string Module, string Name, string Expression);

/// <summary>
/// spec/inventory/walk.json: the recipes, and the modules walked last (a deprecated alias such as node:sys, so the alias points at
/// the module that owns the object and not the other way round).
/// </summary>
public sealed record WalkSettings(IReadOnlyList<string> WalkLast, IReadOnlyList<WalkRecipe> Recipes)
{
    public const string RelativePath = "spec/inventory/walk.json";

    public static WalkSettings Load(string root)
    {
        var path = Path.Combine(root, RelativePath);
        var json = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject
            ?? throw new InvalidDataException($"{RelativePath} is not a JSON object");
        var last = (json["walkLast"] as JsonArray ?? []).Select(n => n?.GetValue<string>() ?? throw new InvalidDataException($"{RelativePath}: a null in walkLast")).ToArray();
        var recipes = (json["recipes"] as JsonArray ?? []).Select(n => new WalkRecipe(
            n?["module"]?.GetValue<string>() ?? throw new InvalidDataException($"{RelativePath}: a recipe without module"),
            n["name"]?.GetValue<string>() ?? throw new InvalidDataException($"{RelativePath}: a recipe without name"),
            n["expression"]?.GetValue<string>() ?? throw new InvalidDataException($"{RelativePath}: a recipe without expression"))).ToArray();
        var twice = recipes.GroupBy(r => (r.Module, r.Name)).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) throw new InvalidDataException($"{RelativePath}: the recipe \"{twice.Key.Name}\" of {twice.Key.Module} appears twice");
        return new WalkSettings(last, recipes);
    }
}

/// <summary>The worker program that walks workerd (Js/walk.js): a module whose test() prints one JSON line per module.</summary>
public static class WalkProgram
{
    public static string Source(WalkSettings settings)
    {
        var text = new StringBuilder(Resource("walk.js"));
        text.Append("export default {\n  async test() {\n    await walkAll(").Append(JsonSerializer.Serialize(settings.WalkLast)).Append(", [\n");
        foreach (var recipe in settings.Recipes)
            text.Append($"      {{ module: {JsonSerializer.Serialize(recipe.Module)}, name: {JsonSerializer.Serialize(recipe.Name)}, make: async () => ({recipe.Expression}) }},\n");
        text.Append("    ]);\n  },\n};\n");
        return text.ToString();
    }

    private static string Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the embedded resource {name} is missing from Conformance.Inventory");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
