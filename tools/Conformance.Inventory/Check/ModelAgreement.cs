using Conformance.Inventory.Dump;
using Conformance.Inventory.Model;

namespace Conformance.Inventory.Check;

/// <summary>The counts of one module (docs/coverage.md, "Inventory"): classified members and how the model splits them.</summary>
public sealed record ModuleCounts(string Module, bool Classified, int Members, int Synchronous, int AsyncSources, int Callbacks,
    IReadOnlyDictionary<LeftOutReason, int> LeftOut);

/// <summary>What the dump and the model disagree on, and the counts per module. No problem and every module modelled: complete.</summary>
public sealed record AgreementReport(IReadOnlyList<string> Problems, IReadOnlyList<ModuleCounts> Counts, IReadOnlyList<string> Unclassified)
{
    public int UnclassifiedMembers => Counts.Where(c => !c.Classified).Sum(c => c.Members);
}

/// <summary>
/// Issue 19, item 1 completeness (spec/inventory/README.md, "Completeness"): a member of the dump the model does not classify,
/// a member, rule or exception the model names that the dump lacks, a module in neither the model nor the unclassified list.
/// </summary>
public static class ModelAgreement
{
    public static AgreementReport Check(InventoryDump dump, InventoryModel model)
    {
        var problems = new List<string>();
        var counts = new List<ModuleCounts>();
        var dumpModules = dump.Modules;
        foreach (var name in model.Modules.Select(m => m.Module).Concat(model.Unclassified).Where(m => !dumpModules.Contains(m)).Distinct())
            problems.Add($"{name}: the model names this module, which workerd does not expose");
        foreach (var module in dumpModules)
        {
            var members = dump.Members.Where(m => m.Module == module).ToArray();
            var classifiable = members.Where(m => m.NeedsClassification).ToArray();
            var own = model.ModelOf(module);
            var listed = model.Unclassified.Contains(module);
            if (own is not null && listed) problems.Add($"{module}: has a model ({own.File}) and is listed in {InventoryModel.UnclassifiedFile}");
            if (own is null && classifiable.Length == 0)
            {
                // Only values and aliases (node:constants, node:sys): nothing to classify, so no model and no place in the gap.
                if (listed) problems.Add($"{module}: listed in {InventoryModel.UnclassifiedFile} but has nothing to classify (only values and aliases)");
                counts.Add(new ModuleCounts(module, true, 0, 0, 0, 0, new Dictionary<LeftOutReason, int>()));
                continue;
            }
            if (own is null)
            {
                if (!listed) problems.Add($"{module}: no model under {InventoryModel.Folder} and not listed in {InventoryModel.UnclassifiedFile}");
                counts.Add(new ModuleCounts(module, false, classifiable.Length, 0, 0, 0, new Dictionary<LeftOutReason, int>()));
                continue;
            }
            problems.AddRange(Disagreements(own, members, classifiable));
            var classes = classifiable.Select(m => own.Classify(m.Path)).Where(c => c is not null).ToArray();
            counts.Add(new ModuleCounts(module, true, classifiable.Length,
                classes.Count(c => c is Classification.Synchronous),
                classes.Count(c => c is Classification.Async),
                classes.OfType<Classification.Async>().Sum(a => a.Callbacks.Count),
                classes.OfType<Classification.LeftOut>().GroupBy(l => l.Reason).ToDictionary(g => g.Key, g => g.Count())));
        }
        return new AgreementReport(problems, counts, model.Unclassified.Where(dumpModules.Contains).ToArray());
    }

    private static IEnumerable<string> Disagreements(ModuleModel own, InventoryMember[] members, InventoryMember[] classifiable)
    {
        var byPath = members.ToDictionary(m => m.Path, StringComparer.Ordinal);
        foreach (var member in classifiable)
            if (own.Classify(member.Path) is null)
                yield return $"{own.Module} {member.Path} ({member.Kind}): workerd exposes it and {own.File} does not classify it";
        foreach (var path in own.Members.Keys.Order(StringComparer.Ordinal))
        {
            if (!byPath.TryGetValue(path, out var member)) yield return $"{own.Module} {path}: {own.File} classifies it and workerd lacks it";
            else if (!member.NeedsClassification) yield return $"{own.Module} {path}: {own.File} classifies it but it is a {member.Kind}, nothing to classify";
        }
        foreach (var rule in own.Rules)
        {
            if (!classifiable.Any(m => rule.Covers(m.Path)))
                yield return $"{own.Module}: {own.File}'s rule \"{rule.Match}\" covers no member workerd exposes";
            foreach (var exception in rule.Except)
            {
                if (!byPath.ContainsKey(exception)) yield return $"{own.Module} {exception}: an exception of rule \"{rule.Match}\" that workerd lacks";
                else if (!own.Members.ContainsKey(exception)) yield return $"{own.Module} {exception}: an exception of rule \"{rule.Match}\" must be classified by its own entry";
            }
        }
    }
}
