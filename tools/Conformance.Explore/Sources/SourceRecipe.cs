namespace Conformance.Explore.Sources;

/// <summary>The frame a recipe step stands for (spec/inventory/README.md's creation, registration and trigger).</summary>
public enum StepFrame { Creation, Registration, Trigger }

/// <summary>One statement of a recipe, run in a frame of its own unless the generator places it elsewhere.</summary>
public sealed record RecipeStep(StepFrame Frame, string Statement);

/// <summary>
/// How the explorer reaches one or more async sources of the inventory (tools/Conformance.Explore/Sources/recipes.json):
/// <paramref name="Module"/> and the model's <paramref name="Sources"/> paths, the <paramref name="Steps"/> in order,
/// whether it starts a timer, what runs after the callback's body, and why its creation cannot run at the module's top level.
/// </summary>
public sealed record SourceRecipe(
    string Module,
    IReadOnlyList<string> Sources,
    IReadOnlyList<RecipeStep> Steps,
    bool Timer,
    string? Cleanup,
    string? NotAtTopLevel)
{
    /// <summary>The name signatures and summaries use: the module, then the first source's path.</summary>
    public string Name => $"{Module} {Sources[0]}";

    /// <summary>A first creation step may run at the module's top level (no timer there: workerd refuses one outside a request).</summary>
    public bool CanCreateAtTopLevel => NotAtTopLevel is null && Steps[0].Frame == StepFrame.Creation;

    public bool UsesModule => Module != "globals";

    /// <summary>The JavaScript name of the module's namespace: node:fs/promises is node_fs_promises.</summary>
    public string ModuleAlias => new(Module.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
}
