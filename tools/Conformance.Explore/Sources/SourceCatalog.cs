using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Inventory.Dump;
using Conformance.Inventory.Model;

namespace Conformance.Explore.Sources;

/// <summary>A source of the model the explorer does not draw, and why (issue 19 item 4, point 2).</summary>
public sealed record ExcludedSource(string Module, string Path, string Why);

/// <summary>
/// The async sources the explorer draws from (issue 19, item 4): the recipes of <see cref="RecipesFile"/>, each checked against
/// the inventory model's async sources (<see cref="InventoryModel.AsyncSources"/>), so a recipe cannot name a member that
/// workerd lacks or the model does not call async. <see cref="WithoutRecipe"/> is the rest of the model: a counted gap.
/// </summary>
public sealed class SourceCatalog
{
    public const string RecipesFile = "tools/Conformance.Explore/Sources/recipes.json";

    private SourceCatalog(IReadOnlyList<SourceRecipe> recipes, IReadOnlyList<ExcludedSource> excluded, IReadOnlyList<AsyncSource> withoutRecipe, int modelSources)
    {
        Recipes = recipes;
        Excluded = excluded;
        WithoutRecipe = withoutRecipe;
        ModelSources = modelSources;
    }

    /// <summary>The recipes, in file order: the generator picks among them by index.</summary>
    public IReadOnlyList<SourceRecipe> Recipes { get; }

    public IReadOnlyList<ExcludedSource> Excluded { get; }

    /// <summary>The model's async sources no recipe reaches and none excludes.</summary>
    public IReadOnlyList<AsyncSource> WithoutRecipe { get; }

    public int ModelSources { get; }

    /// <summary>No recipe: the generator draws only the fixed vocabulary (issue 9's programs).</summary>
    public static SourceCatalog Empty { get; } = new([], [], [], 0);

    public static SourceCatalog Load(string root)
    {
        var sources = InventoryModel.Load(root).AsyncSources(InventoryDump.Load(root));
        return Parse(File.ReadAllText(Path.Combine(root, RecipesFile)), RecipesFile, sources);
    }

    public static SourceCatalog Parse(string text, string file, IReadOnlyList<AsyncSource> modelSources)
    {
        JsonNode? document;
        try
        {
            document = JsonNode.Parse(text, documentOptions: new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException error) { throw new InvalidDataException($"{file}: not JSON: {error.Message}", error); }
        var known = modelSources.Select(s => (s.Module, s.Path)).ToHashSet();
        var recipes = new List<SourceRecipe>();
        var named = new HashSet<(string, string)>();
        foreach (var (node, i) in (document?["recipes"] as JsonArray ?? throw new InvalidDataException($"{file}: no \"recipes\" list")).Select((n, i) => (n, i)))
        {
            var where = $"{file}: recipe {i + 1}";
            var recipe = Recipe(node as JsonObject ?? throw new InvalidDataException($"{where} is not an object"), where);
            foreach (var path in recipe.Sources)
            {
                if (!known.Contains((recipe.Module, path)))
                    throw new InvalidDataException($"{where}: {recipe.Module} {path} is not an async source of the inventory model (spec/inventory/model/)");
                if (!named.Add((recipe.Module, path))) throw new InvalidDataException($"{where}: {recipe.Module} {path} has a recipe already");
            }
            recipes.Add(recipe);
        }
        var excluded = new List<ExcludedSource>();
        foreach (var node in document?["excluded"] as JsonArray ?? [])
        {
            var entry = new ExcludedSource(Text(node, "module", file), Text(node, "path", file), Text(node, "why", file));
            if (!known.Contains((entry.Module, entry.Path)) || !named.Add((entry.Module, entry.Path)))
                throw new InvalidDataException($"{file}: excluded {entry.Module} {entry.Path} is not an async source of the model, or has a recipe");
            excluded.Add(entry);
        }
        return new SourceCatalog(recipes, excluded, [.. modelSources.Where(s => !named.Contains((s.Module, s.Path)))], modelSources.Count);
    }

    private static SourceRecipe Recipe(JsonObject node, string where)
    {
        var steps = new List<RecipeStep>();
        foreach (var step in node["steps"] as JsonArray ?? throw new InvalidDataException($"{where}: no \"steps\""))
        {
            if (step is not JsonObject one || one.Count != 1) throw new InvalidDataException($"{where}: a step is one {{ \"creation\" | \"registration\" | \"trigger\": statement }}");
            var (key, value) = one.First();
            var frame = key switch
            {
                "creation" => StepFrame.Creation,
                "registration" => StepFrame.Registration,
                "trigger" => StepFrame.Trigger,
                _ => throw new InvalidDataException($"{where}: step \"{key}\" is none of creation, registration, trigger"),
            };
            steps.Add(new RecipeStep(frame, value?.GetValue<string>() ?? throw new InvalidDataException($"{where}: step {key} has no statement")));
        }
        var recipe = new SourceRecipe(
            Text(node, "module", where),
            [.. (node["sources"] as JsonArray ?? throw new InvalidDataException($"{where}: no \"sources\"")).Select(s => s!.GetValue<string>())],
            steps,
            node["timer"]?.GetValue<bool>() ?? false,
            node["cleanup"]?.GetValue<string>(),
            node["notAtTopLevel"]?.GetValue<string>());
        if (recipe.Sources.Count == 0 || steps.Count == 0) throw new InvalidDataException($"{where}: a recipe needs a source and a step");
        var all = string.Join("\n", steps.Select(s => s.Statement));
        if (!all.Contains("$cb", StringComparison.Ordinal)) throw new InvalidDataException($"{where}: no step hands over $cb, so nothing would call the body");
        if (recipe.Timer != all.Contains("$delay", StringComparison.Ordinal)) throw new InvalidDataException($"{where}: a recipe uses $delay exactly when it says \"timer\": true");
        if (all.Contains("$M", StringComparison.Ordinal) != recipe.UsesModule) throw new InvalidDataException($"{where}: $M names the module's namespace: a node:* recipe uses it, a globals one cannot");
        return recipe;
    }

    private static string Text(JsonNode? node, string key, string where) =>
        node?[key]?.GetValue<string>() is { Length: > 0 } value ? value : throw new InvalidDataException($"{where}: \"{key}\" is missing");
}
