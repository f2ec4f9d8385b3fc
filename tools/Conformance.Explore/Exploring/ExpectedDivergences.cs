namespace Conformance.Explore.Exploring;

/// <summary>
/// The divergences an exploration of a target is known to find (targets/expectations/explore-&lt;target&gt;.txt), one a line:
/// `&lt;signature&gt; | &lt;reason&gt;`; `#` starts a comment line. A bounded exploration fails on any divergence whose
/// signature is not listed. A line without a reason is a list problem: a known divergence must say why it is accepted.
/// </summary>
public sealed class ExpectedDivergences
{
    private readonly Dictionary<string, string> _reasons;

    private ExpectedDivergences(Dictionary<string, string> reasons) => _reasons = reasons;

    public IReadOnlyDictionary<string, string> Reasons => _reasons;

    public static ExpectedDivergences Parse(string text, string source)
    {
        var reasons = new Dictionary<string, string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var bar = line.LastIndexOf(" | ", StringComparison.Ordinal);
            if (bar < 0 || line[(bar + 3)..].Trim().Length == 0)
                throw new FormatException($"{source}:{number}: write `<signature> | <reason>`; a known divergence needs its reason");
            if (!reasons.TryAdd(line[..bar].Trim(), line[(bar + 3)..].Trim()))
                throw new FormatException($"{source}:{number}: signature \"{line[..bar].Trim()}\" is listed twice");
        }
        return new ExpectedDivergences(reasons);
    }

    public static ExpectedDivergences Load(string path) =>
        File.Exists(path) ? Parse(File.ReadAllText(path), path) : new ExpectedDivergences(new(StringComparer.Ordinal));

    /// <summary>The signatures found that the list does not name.</summary>
    public IReadOnlyList<string> Unlisted(IEnumerable<string> signatures) => [.. signatures.Where(s => !_reasons.ContainsKey(s))];
}
