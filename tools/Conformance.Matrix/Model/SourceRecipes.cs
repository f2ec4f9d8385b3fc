namespace Conformance.Matrix.Model;

/// <summary>
/// How to make one callback of one inventory source run (issue 19, item 2): <see cref="Path"/> is the source's path in
/// spec/inventory/workerd.json, <see cref="Callback"/> the start of the model's text for the callback it covers
/// (spec/inventory/model/), <see cref="Label"/> the row's name; the rest is a <see cref="FrameRow"/> (create in
/// run('creation'), register in run('registration'), trigger in run('trigger')).
/// </summary>
public sealed record SourceRecipe(
    string Path,
    string Callback,
    string Label,
    string Create,
    string Register,
    string Trigger,
    string Observe,
    IReadOnlyList<MergedFrame>? Merged = null)
{
    public FrameRow Row => new(Label, Create, Register, Trigger, Observe, Merged);
}

/// <summary>
/// The recipes of one module of the inventory (or one interface of its globals): one feature file,
/// <c>features/matrix/candidate-frames-source-&lt;File&gt;.feature</c>, whose program imports <see cref="TopLevel"/>.
/// </summary>
public sealed record SourceRecipes(
    string Module,
    string File,
    string Title,
    IReadOnlyList<SourceRecipe> Recipes,
    IReadOnlyList<string>? TopLevel = null)
{
    public FrameFamily Family => new(
        new SourceFamily("source-" + File, $"{Title} ({Module}, from the inventory)", "", false, [], []),
        [.. Recipes.Select(r => r.Row)], TopLevel);
}

/// <summary>
/// Callbacks of the model that have no row, and why: every callback of <see cref="Module"/> whose source path is
/// <see cref="Path"/> or lies under it (<c>Path.</c>), or every callback of the module for <c>*</c>.
/// </summary>
public sealed record CallbackReason(string Module, string Path, string Reason)
{
    public bool Covers(InventoryCallback callback) =>
        callback.Module == Module && (Path == "*" || callback.Path == Path || callback.Path.StartsWith(Path + ".", StringComparison.Ordinal));
}

/// <summary>One callback of one async source of the inventory's model (spec/inventory/model/): the unit a row covers.</summary>
public sealed record InventoryCallback(string Module, string Path, string Callback)
{
    public override string ToString() => $"{Module} {Path}: {Callback}";
}
