using System.Text;
using Conformance.Harness.Generated;
using Conformance.Harness.Scenarios;

namespace Conformance.Surface;

/// <summary>
/// Turns the description into features/surface/&lt;area&gt;.feature: one Scenario Outline per area whose program prints the
/// probe's value, one Examples row per entry (workerd-internal entries generate nothing; spec/surface/README.md). Written by
/// tools/Conformance.Generate with the one generated header, which names the area of the description each file is made from.
/// </summary>
public static class SurfaceFeatureGenerator
{
    public const string Folder = "features/surface";

    /// <summary>One file per area that has contract entries, in path order.</summary>
    public static IReadOnlyList<GeneratedFile> Generate(SurfaceDescription description)
    {
        var files = new List<GeneratedFile>();
        foreach (var area in description.Areas)
        {
            var entries = description.Entries.Where(e => e.Area == area.Id && !e.WorkerdInternal).ToArray();
            if (entries.Length == 0) continue;
            var slugs = entries.GroupBy(e => ScenarioSlug.From(e.Subject)).FirstOrDefault(g => g.Count() > 1 || g.Key.Length == 0);
            if (slugs is not null) throw new InvalidDataException($"area {area.Id}: subjects with the same slug \"{slugs.Key}\": {string.Join(", ", slugs.Select(e => e.Subject))}");
            files.Add(new GeneratedFile($"{Folder}/{area.Id}.feature", $"{SurfaceDescription.RelativePath} (area \"{area.Id}\")", Feature(area, entries)));
        }
        return [.. files.OrderBy(f => f.Path, StringComparer.Ordinal)];
    }

    private static string Feature(SurfaceArea area, IReadOnlyList<SurfaceEntry> entries)
    {
        var text = new StringBuilder();
        text.Append($"Feature: Surface: {area.Title}\n");
        text.Append($"  {area.Description}\n");
        text.Append("  Each row prints what its probe (spec/surface/README.md, \"Probes\") observes; the snapshot is workerd's.\n\n");
        text.Append($"  @{area.Requirement}\n");
        text.Append("  Scenario Outline: <subject>\n");
        text.Append("    Given the worker program:\n");
        text.Append("      \"\"\"js\n");
        text.Append(ProbePrograms.Module(["console.log(<probe>);"], "      "));
        text.Append("      \"\"\"\n");
        text.Append("    When the test handler runs\n");
        text.Append("    Then the trace matches the verified snapshot\n\n");
        text.Append($"    @{area.Profile}\n");
        text.Append("    Examples:\n");
        var rows = entries.Select(e => (Subject: Cell(e.Subject), Probe: Cell(e.Probe))).Prepend((Subject: "subject", Probe: "probe")).ToArray();
        var width = rows.Max(r => r.Subject.Length);
        foreach (var (subject, probe) in rows) text.Append($"      | {subject.PadRight(width)} | {probe} |\n");
        return text.ToString();
    }

    /// <summary>A Gherkin table cell: backslash, pipe and line feed escaped.</summary>
    private static string Cell(string value) => value.Replace("\\", "\\\\").Replace("|", "\\|").Replace("\n", "\\n");
}
