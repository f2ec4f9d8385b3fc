using Conformance.Harness.Features;

namespace Conformance.Cli.Site;

/// <summary>
/// The propagation matrix's dimensions read from the features themselves (the generated outlines of features/matrix/, as
/// tools/Conformance.Matrix writes them): a family is a feature file whose outline Examples carry the columns
/// <see cref="Dimensions"/>; each row falls in one cell per dimension (family × entry form, family × position), the same
/// cells docs/coverage.md counts. Nothing here names a family or a value: new families and values appear by themselves.
/// </summary>
public sealed class PropagationGrid
{
    /// <summary>The Examples columns that are the matrix's dimensions besides the family.</summary>
    public static readonly IReadOnlyList<string> Dimensions = ["entry", "position"];

    public sealed record Family(FeatureFile Feature, IReadOnlyList<(ScenarioEntry Entry, IReadOnlyDictionary<string, string> Values)> Rows);

    public IReadOnlyList<Family> Families { get; }

    /// <summary>The values of each dimension, in the order the families first use them.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Values { get; }

    private PropagationGrid(IReadOnlyList<Family> families)
    {
        Families = families;
        Values = Dimensions.ToDictionary(d => d,
            d => (IReadOnlyList<string>)families.SelectMany(f => f.Rows).Select(r => r.Values[d]).Distinct(StringComparer.Ordinal).ToArray());
    }

    public static PropagationGrid Of(FeatureCatalog catalog)
    {
        var families = new List<Family>();
        foreach (var group in catalog.Entries.Where(e => e.Pickle is not null).GroupBy(e => e.Feature))
        {
            var cells = CellsOf(group.Key);
            var rows = group.Select(e => (Entry: e, Values: e.Pickle!.AstNodeIds.Count > 1 ? cells.GetValueOrDefault(e.Pickle.AstNodeIds[1]) : null))
                .Where(r => r.Values is not null).Select(r => (r.Entry, (IReadOnlyDictionary<string, string>)r.Values!)).ToArray();
            if (rows.Length > 0) families.Add(new Family(group.Key, rows));
        }
        return new PropagationGrid(families);
    }

    /// <summary>The rows of one cell: a family's rows whose <paramref name="dimension"/> has <paramref name="value"/>.</summary>
    public static IReadOnlyList<ScenarioEntry> Cell(Family family, string dimension, string value) =>
        family.Rows.Where(r => r.Values[dimension] == value).Select(r => r.Entry).ToArray();

    /// <summary>The anchor of a cell on the matrix page.</summary>
    public static string CellAnchor(Family family, string dimension, string value) =>
        "cell-" + SiteHtml.Slug(family.Feature.IdPrefix) + "-" + dimension + "-" + SiteHtml.Slug(value);

    /// <summary>Example row id → its values of <see cref="Dimensions"/>, for the Examples tables that have all of them.</summary>
    private static Dictionary<string, Dictionary<string, string>> CellsOf(FeatureFile feature)
    {
        var cells = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var scenarios = (feature.Document?.Feature?.Children ?? [])
            .SelectMany(c => c.Scenario is { } s ? [s] : c.Rule?.Children.Select(r => r.Scenario).OfType<Io.Cucumber.Messages.Types.Scenario>() ?? []);
        foreach (var examples in scenarios.SelectMany(s => s.Examples))
        {
            if (examples.TableHeader is null) continue;
            var header = examples.TableHeader.Cells.Select(c => c.Value).ToArray();
            if (!Dimensions.All(d => header.Contains(d, StringComparer.Ordinal))) continue;
            foreach (var row in examples.TableBody)
                cells[row.Id] = Dimensions.ToDictionary(d => d, d => row.Cells[Array.IndexOf(header, d)].Value, StringComparer.Ordinal);
        }
        return cells;
    }
}
