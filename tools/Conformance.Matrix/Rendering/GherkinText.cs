namespace Conformance.Matrix.Rendering;

/// <summary>Gherkin escaping and layout helpers.</summary>
public static class GherkinText
{
    /// <summary>A table cell: <c>\</c>, <c>|</c> and line feeds escaped as Gherkin reads them back.</summary>
    public static string Cell(string value) =>
        value.Replace("\\", "\\\\").Replace("|", "\\|").Replace("\n", "\\n");

    /// <summary>A table with every column padded to its widest cell, each line indented.</summary>
    public static IEnumerable<string> Table(string indent, IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var all = new[] { header }.Concat(rows).Select(r => r.Select(Cell).ToArray()).ToArray();
        var widths = Enumerable.Range(0, header.Count).Select(c => all.Max(r => r[c].Length)).ToArray();
        return all.Select(r => indent + "| " + string.Join(" | ", r.Select((cell, c) => cell.PadRight(widths[c]))) + " |");
    }

    public static string Tags(IEnumerable<string> ids) => string.Join(" ", ids.Select(id => "@" + id));
}
