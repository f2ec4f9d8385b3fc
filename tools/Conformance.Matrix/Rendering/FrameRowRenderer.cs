using System.Text;
using Conformance.Matrix.Model;

namespace Conformance.Matrix.Rendering;

/// <summary>
/// A family's discriminating rows as a feature file: one Scenario Outline (FrameRowProgram.cs), one Examples row per callback.
/// They pin workerd's choice of frame (OBS-MATRIX-FRAMES-1), so they are <c>@workerd-observed</c> in every family.
/// </summary>
public static class FrameRowRenderer
{
    public static IReadOnlyList<string> Tags { get; } = ["OBS-MATRIX-FRAMES-1", "workerd-observed"];

    public static string Render(FrameFamily family)
    {
        // A callback's name is also a JS string literal in the program ('<callback>') and a snapshot name.
        var bad = family.Rows.FirstOrDefault(r => r.Callback.IndexOfAny(['\'', '"', '\\', '\n']) >= 0);
        if (bad is not null)
            throw new InvalidDataException($"{family.File}: the callback name \"{bad.Callback}\" holds a quote, a backslash or a line feed");
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');

        Line($"Feature: Candidate frames: {family.Family.Title}");
        Line("  Each row makes the object in run('creation'), hands it the callback in run('registration') and triggers it in");
        Line("  run('trigger'), all inside the request's run('request'); the callback was evaluated at the module's top level in");
        Line("  run('top-level'). The store the callback logs names the frame it ran in; undefined is none. Frames a source");
        Line("  cannot tell apart, and why: docs/coverage.md.");
        Line();
        Line("  " + GherkinText.Tags(Tags));
        Line("  Scenario Outline: <callback>, each candidate frame holding its own store");
        Line("    Given the worker program:");
        Line("      \"\"\"js");
        foreach (var line in FrameRowProgram.Lines(family)) Line("      " + line);
        Line("      \"\"\"");
        Line("    When the test handler runs");
        Line("    Then the trace matches the verified snapshot");
        Line();
        Line("    Examples:");
        var rows = family.Rows.Select(r => (IReadOnlyList<string>)[r.Callback, r.Create, r.Register, r.Trigger, r.Observe]).ToArray();
        foreach (var line in GherkinText.Table("      ", ["callback", "create", "register", "trigger", "observe"], rows)) Line(line);
        return text.ToString();
    }
}
