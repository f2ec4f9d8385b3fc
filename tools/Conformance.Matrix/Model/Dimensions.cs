namespace Conformance.Matrix.Model;

/// <summary>
/// How the context is entered: <see cref="Enter"/> is a JS expression evaluated where <see cref="Shape"/> puts it (in the
/// test handler, at the root context, with <c>env</c> in scope, by default) whose promise settles when <c>body()</c> has
/// finished in the entered context.
/// </summary>
/// <param name="Requirements">The clauses that say which store <c>body()</c> sees (spec/requirements.md).</param>
public sealed record EntryForm(string Label, string Enter, IReadOnlyList<string> Requirements, ProgramShape Shape = ProgramShape.InHandler);

/// <summary>Where a program evaluates its entry form's <see cref="EntryForm.Enter"/> (Rendering/ProgramTemplate.cs).</summary>
public enum ProgramShape
{
    /// <summary>Awaited in the test handler, before it logs <c>test</c>.</summary>
    InHandler,

    /// <summary>Handed to <c>ctx.waitUntil</c> without being awaited: the test handler returns while <c>body()</c> goes on.</summary>
    OutlivingHandler,

    /// <summary>Awaited at the module's top level (top-level await), before the test handler runs.</summary>
    TopLevel,

    /// <summary>As <see cref="InHandler"/>, with <c>captured</c>, a snapshot taken at the module's top level in <c>run('a')</c>.</summary>
    CapturedAtTopLevel,

}

/// <summary>Where the operation is created inside <c>body()</c>: <see cref="Create"/> is statements that call <c>operation()</c> and await it.</summary>
public sealed record Position(string Label, string Create);

/// <summary>
/// One asynchronous source: the body of <c>async function operation()</c>, which starts the operation, logs the stores from
/// its callbacks and settles when they have run. <see cref="TopLevel"/> is module-level code it needs (listeners, helpers);
/// <see cref="TestPrelude"/> and <see cref="FetchPrelude"/> are statements at the start of the test and fetch handlers
/// (a source that needs <c>env</c>, or a second request of its own).
/// </summary>
public sealed record AsyncSource(
    string Label,
    IReadOnlyList<string> Operation,
    IReadOnlyList<string>? TopLevel = null,
    IReadOnlyList<string>? TestPrelude = null,
    IReadOnlyList<string>? FetchPrelude = null);

/// <summary>
/// One feature file: a family of sources that one rule of the page (or of workerd) speaks for. <see cref="Documented"/>
/// rows carry the family's clause ids and <c>@documented</c>; the others <c>@workerd-observed</c> and their OBS- ids.
/// </summary>
public sealed record SourceFamily(
    string File,
    string Title,
    string Description,
    bool Documented,
    IReadOnlyList<string> Requirements,
    IReadOnlyList<AsyncSource> Sources);

/// <summary>A combination, or a whole value of a dimension, that the matrix does not generate, and why.</summary>
public sealed record LeftOut(string What, string Reason);

/// <summary>Pairs the pairwise generator (<see cref="PairwisePlan"/>) must not hold, and why: the rule is the data.</summary>
public sealed record LeftOutPair(string What, string Reason, Func<Pair, bool> Matches);

/// <summary>Rows the pairwise generator must not add (a source that cannot run where the row puts it), and why.</summary>
public sealed record LeftOutPairwiseRows(string What, string Reason, Func<MatrixRow, bool> Matches);

/// <summary>Rows the covering design would generate that <see cref="MatrixPlan"/> drops, and why: the rule is the data.</summary>
public sealed record LeftOutRows(string What, string Reason, Func<MatrixRow, bool> Matches);
