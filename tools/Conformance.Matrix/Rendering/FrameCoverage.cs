using Conformance.Matrix.Data;
using Conformance.Matrix.Model;

namespace Conformance.Matrix.Rendering;

/// <summary>
/// docs/coverage.md's discrimination table (issue 19, item 2): for every callback with a discriminating row, which candidate
/// frames hold a store of their own, and which cannot, with the frame each is one with and why.
/// </summary>
public static class FrameCoverage
{
    public static void Render(Action<string> line)
    {
        var rows = FrameFamilies.All.SelectMany(f => f.Rows.Select(r => (Family: f, Row: r))).ToArray();
        line("");
        line("## Candidate frames");
        line("");
        line($"{rows.Length} discriminating rows, one per callback, in {FrameFamilies.All.Count} families "
            + $"(`features/matrix/candidate-frames-*.feature`, OBS-MATRIX-FRAMES-1). In each, every candidate frame ("
            + string.Join(", ", CandidateFrames.All.Select(CandidateFrames.Name))
            + ") holds its own store, so a runtime that runs the callback in any other frame prints another trace; the "
            + "callback also logs what it receives (`this`, its arguments, its event's fields). A frame a source cannot "
            + "give a store of its own is named with the frame it is one with.");
        line("");
        line("| family | callback | distinct frames | not distinct (one with: why) |");
        line("|---|---|---|---|");
        foreach (var (family, row) in rows)
            line($"| {family.Family.Title} | {row.Callback} | {string.Join(", ", row.Distinct.Select(CandidateFrames.Name))} | "
                + string.Join("; ", (row.Merged ?? []).Select(m => $"{CandidateFrames.Name(m.Frame)} (one with {CandidateFrames.Name(m.Into)}: {m.Reason})"))
                + " |");
    }
}
