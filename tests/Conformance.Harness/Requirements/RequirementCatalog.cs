using System.Text.RegularExpressions;

namespace Conformance.Harness.Requirements;

/// <summary>
/// The requirement ids of spec/requirements.md (one heading <c>### &lt;ID&gt;</c> or <c>### &lt;ID&gt; — &lt;profile&gt;</c> per
/// id, spec/README.md "How to read it") and the errata of spec/errata.md (<c>## ERR-n — …</c>), in document order.
/// </summary>
public sealed partial class RequirementCatalog
{
    public const string RequirementsFile = "spec/requirements.md";
    public const string ErrataFile = "spec/errata.md";

    public IReadOnlyList<string> Ids { get; }
    public IReadOnlySet<string> IdSet { get; }
    public IReadOnlyList<string> Errata { get; }
    /// <summary>Each id's entry: the text after its heading, up to the next heading.</summary>
    public IReadOnlyDictionary<string, string> Entries { get; }
    /// <summary>Each id's heading after the id and its dash: the profile and any note (<c>documented (example)</c>); "" when none.</summary>
    public IReadOnlyDictionary<string, string> Headings { get; }

    private RequirementCatalog(IReadOnlyList<string> ids, IReadOnlyList<string> errata, IReadOnlyDictionary<string, string> entries,
        IReadOnlyDictionary<string, string> headings)
    {
        Ids = ids;
        Entries = entries;
        Headings = headings;
        IdSet = ids.ToHashSet(StringComparer.Ordinal);
        Errata = errata;
    }

    /// <summary>Parses the two files' text. A repeated id is an error: ids are stable and unique (spec/README.md "Id scheme").</summary>
    public static RequirementCatalog Parse(string requirementsText, string errataText)
    {
        var headings = IdHeading().Matches(requirementsText).ToArray();
        var ids = headings.Select(m => m.Groups["id"].Value).ToArray();
        var repeated = ids.GroupBy(i => i, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        if (repeated.Length > 0)
            throw new InvalidDataException($"{RequirementsFile} has repeated requirement ids: {string.Join(", ", repeated)}");
        var errata = ErratumHeading().Matches(errataText).Select(m => m.Groups["id"].Value).ToArray();
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var heading in headings)
        {
            titles[heading.Groups["id"].Value] = heading.Groups["rest"].Value.Trim().TrimStart('—', '-').Trim();
            var start = requirementsText.IndexOf('\n', heading.Index) is var eol and >= 0 ? eol + 1 : requirementsText.Length;
            var next = AnyHeading().Match(requirementsText, start);
            entries[heading.Groups["id"].Value] = requirementsText[start..(next.Success ? next.Index : requirementsText.Length)];
        }
        return new RequirementCatalog(ids, errata, entries, titles);
    }

    /// <summary>Loads the spec of a repository root; null when it has no spec/requirements.md (a test's scratch root).</summary>
    public static RequirementCatalog? TryLoad(string repositoryRoot)
    {
        var requirements = Path.Combine(repositoryRoot, RequirementsFile);
        if (!File.Exists(requirements)) return null;
        var errata = Path.Combine(repositoryRoot, ErrataFile);
        return Parse(File.ReadAllText(requirements), File.Exists(errata) ? File.ReadAllText(errata) : "");
    }

    /// <summary>Loads the spec of a repository root; a missing spec/requirements.md is an error.</summary>
    public static RequirementCatalog Load(string repositoryRoot) =>
        TryLoad(repositoryRoot) ?? throw new FileNotFoundException($"no {RequirementsFile} under {repositoryRoot}");

    [GeneratedRegex(@"^### (?<id>[A-Z]+(-[A-Z0-9]+)+)\b(?<rest>[^\n]*)", RegexOptions.Multiline)]
    private static partial Regex IdHeading();

    [GeneratedRegex(@"^#{1,3} ", RegexOptions.Multiline)]
    private static partial Regex AnyHeading();

    [GeneratedRegex(@"^## (?<id>ERR-[0-9]+)\b", RegexOptions.Multiline)]
    private static partial Regex ErratumHeading();
}
