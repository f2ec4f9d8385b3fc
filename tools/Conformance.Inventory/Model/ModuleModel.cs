namespace Conformance.Inventory.Model;

/// <summary>The model of one module (spec/inventory/model/&lt;file&gt;.json): its rules and the members it classifies one by one.</summary>
public sealed record ModuleModel(string Module, string File, IReadOnlyList<ModelRule> Rules, IReadOnlyDictionary<string, Classification> Members)
{
    /// <summary>The member's own entry, else the most specific rule that covers it, else null (unclassified).</summary>
    public Classification? Classify(string path)
    {
        if (Members.TryGetValue(path, out var own)) return own;
        return Rules.Where(r => r.Covers(path)).OrderByDescending(r => r.Specificity).FirstOrDefault()?.Gives;
    }
}
