namespace Conformance.Matrix.Model;

/// <summary>
/// One value of a cross-cutting dimension: a row of an outline's Examples. <see cref="Code"/> fills <c>&lt;code&gt;</c> in the
/// outline's program; <see cref="Requirements"/> are clause ids of this row only (its Examples block carries them).
/// </summary>
public sealed record CrossCase(string Label, string Code, IReadOnlyList<string>? Requirements = null);

/// <summary>
/// A Scenario Outline over one cross-cutting dimension. <see cref="Title"/> holds <c>&lt;case&gt;</c>; <see cref="Program"/>
/// is the complete worker program with <c>&lt;case&gt;</c> and <c>&lt;code&gt;</c> left to fill from each row. A documented
/// outline carries its clause ids and <c>@documented</c>, an observed one its OBS- ids and <c>@workerd-observed</c>.
/// </summary>
public sealed record CrossOutline(
    string Title,
    bool Documented,
    IReadOnlyList<string> Requirements,
    IReadOnlyList<string> Program,
    IReadOnlyList<CrossCase> Cases);

/// <summary>
/// One cross-cutting dimension (issue 8: the <c>this</c> of callbacks, stores of every kind under GC pressure, deep
/// nesting, long chains): a feature file of outlines whose rows are the dimension's values.
/// </summary>
public sealed record CrossDimension(string File, string Title, string Description, IReadOnlyList<CrossOutline> Outlines)
{
    public int Rows => Outlines.Sum(o => o.Cases.Count);
}
