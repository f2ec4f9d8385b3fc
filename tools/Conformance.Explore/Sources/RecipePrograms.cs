using Conformance.Explore.Generation;

namespace Conformance.Explore.Sources;

/// <summary>
/// One program per recipe, for checking the recipes themselves on workerd (tests/unit/Explore.Tests/RecipeTests.cs): the
/// source alone, its callback logging, its steps placed as given (by default each in a frame of its own).
/// </summary>
public static class RecipePrograms
{
    public static ExploredProgram For(SourceRecipe recipe, int index, IReadOnlyList<Placement>? placements = null)
    {
        placements ??= [.. recipe.Steps.Select(_ => Placement.Own)];
        if (placements.Count != recipe.Steps.Count) throw new ArgumentException($"{recipe.Name} has {recipe.Steps.Count} steps, not {placements.Count}", nameof(placements));
        var source = new Operation(1, OperationKind.Source, 0, Operation.EncodePlacements(placements), recipe.Timer ? 1 : 0,
            [new Operation(2, OperationKind.Log, 0, 0, 0, [])], recipe);
        return new ExploredProgram(0, index, [source]);
    }

    /// <summary>The placements that differ most from <see cref="For"/>'s default: the first step at the top level where it may be, then none, enclosing, none, ...</summary>
    public static IReadOnlyList<Placement> Other(SourceRecipe recipe) =>
        [.. recipe.Steps.Select((_, i) => i == 0 && recipe.CanCreateAtTopLevel ? Placement.TopLevel : i % 2 == 0 ? Placement.Exit : Placement.Enclosing)];
}
