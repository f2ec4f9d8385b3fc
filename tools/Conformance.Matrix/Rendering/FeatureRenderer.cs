using System.Text;
using Conformance.Matrix.Model;

namespace Conformance.Matrix.Rendering;

/// <summary>
/// One family's feature file: a Scenario Outline per source and program shape (ProgramTemplate.cs), whose Examples (one block per entry form) name the
/// dimensions (entry, position) and carry their code (enter, create). Tags follow spec/requirements.md: a documented
/// family's rows carry its clause ids, each block its entry form's clause ids, and <c>@documented</c>; an observed
/// family's rows carry its OBS- ids and <c>@workerd-observed</c>. The file's header (generator, model entry) is generate's.
/// </summary>
public static class FeatureRenderer
{
    public static string Render(SourceFamily family)
    {
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');

        Line($"Feature: Propagation matrix: {family.Title}");
        Line("  " + family.Description);
        Line("  Each row enters a context (entry), creates the operation somewhere inside it (position) and logs, at each");
        Line("  step, the step's name, the store of als and the store of other. Coverage and what is left out: docs/coverage.md.");
        foreach (var source in family.Sources)
        foreach (var shape in MatrixPlan.RowsOf(family, source).GroupBy(r => r.Entry.Shape))
        {
            Line();
            Line("  " + GherkinText.Tags(family.Requirements.Append(family.Documented ? "documented" : "workerd-observed")));
            Line($"  Scenario Outline: {source.Label}, created <position>, entered by <entry>");
            Line("    Given the worker program:");
            Line("      \"\"\"js");
            foreach (var line in ProgramTemplate.Lines(source, shape.Key)) Line("      " + line);
            Line("      \"\"\"");
            Line("    When the test handler runs");
            Line("    Then the trace matches the verified snapshot");
            foreach (var block in shape.GroupBy(r => r.Entry))
            {
                Line();
                var entryTags = family.Documented ? block.Key.Requirements.Except(family.Requirements).ToArray() : [];
                if (entryTags.Length > 0) Line("    " + GherkinText.Tags(entryTags));
                Line($"    Examples: entered by {block.Key.Label}");
                var rows = block.Select(r => (IReadOnlyList<string>)[r.Entry.Label, r.Position.Label, r.Entry.Enter, r.Position.Create]).ToArray();
                foreach (var line in GherkinText.Table("      ", ["entry", "position", "enter", "create"], rows)) Line(line);
            }
        }
        return text.ToString();
    }
}
