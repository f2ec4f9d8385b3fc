namespace Conformance.Matrix.Model;

/// <summary>
/// How the context is entered: <see cref="Enter"/> is a JS expression evaluated in the test handler (at the root context,
/// with <c>env</c> in scope) whose promise settles when <c>body()</c> has finished in the entered context.
/// </summary>
/// <param name="Requirements">The clauses that say which store <c>body()</c> sees (spec/requirements.md).</param>
public sealed record EntryForm(string Label, string Enter, IReadOnlyList<string> Requirements);

/// <summary>Where the operation is created inside <c>body()</c>: <see cref="Create"/> is statements that call <c>operation()</c> and await it.</summary>
public sealed record Position(string Label, string Create);

/// <summary>
/// One asynchronous source: the body of <c>async function operation()</c>, which starts the operation, logs the stores from
/// its callbacks and settles when they have run. <see cref="TopLevel"/> is module-level code it needs (listeners, helpers).
/// </summary>
public sealed record AsyncSource(string Label, IReadOnlyList<string> Operation, IReadOnlyList<string>? TopLevel = null);

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
