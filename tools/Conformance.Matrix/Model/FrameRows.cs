namespace Conformance.Matrix.Model;

/// <summary>
/// A candidate frame that a source cannot give a store of its own, the frame it is one with, and why (say, creation and
/// registration are one call). docs/coverage.md prints these beside the discrimination table.
/// </summary>
public sealed record MergedFrame(CandidateFrame Frame, CandidateFrame Into, string Reason);

/// <summary>
/// One callback of one source, as a discriminating row (issue 19, item 2): <see cref="Create"/> is an expression evaluated in
/// <c>run('creation')</c> and kept in <c>object</c>; <see cref="Register"/> statements run in <c>run('registration')</c> and
/// hand <c>callback</c> (evaluated in <c>run('top-level')</c> at the module's top level) to it; <see cref="Trigger"/>
/// statements run in <c>run('trigger')</c> (an async function: they may await). The handler runs all of it in
/// <c>run('request')</c>. <see cref="Observe"/> is a JS expression list the callback logs about what it receives
/// (<c>this</c>, <c>args</c>, event fields); where the program itself calls it (an await's continuation, a generator's
/// body) <c>this</c> is the program's and only the arguments say anything.
/// </summary>
public sealed record FrameRow(
    string Callback,
    string Create,
    string Register,
    string Trigger,
    string Observe,
    IReadOnlyList<MergedFrame>? Merged = null)
{
    public IReadOnlyList<CandidateFrame> Distinct =>
        [.. CandidateFrames.All.Where(f => !(Merged ?? []).Any(m => m.Frame == f))];
}

/// <summary>
/// One source family's discriminating rows: <see cref="Family"/> is the matrix family whose sources they cover,
/// <see cref="TopLevel"/> module-level lines its programs need (imports, helpers), <see cref="Fetch"/> statements at the start
/// of the fetch handler (a source settled by another request).
/// </summary>
public sealed record FrameFamily(
    SourceFamily Family,
    IReadOnlyList<FrameRow> Rows,
    IReadOnlyList<string>? TopLevel = null,
    IReadOnlyList<string>? Fetch = null)
{
    public string File => "candidate-frames-" + Family.File;
}
