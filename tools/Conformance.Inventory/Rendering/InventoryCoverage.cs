using System.Text;
using Conformance.Inventory.Check;
using Conformance.Inventory.Dump;
using Conformance.Inventory.Model;

namespace Conformance.Inventory.Rendering;

/// <summary>
/// The inventory's section of docs/coverage.md (issue 19, item 1: "the docs give the counts"): per module, the members the model
/// classifies and how, the left-out members with their reasons, and the modules not classified yet. tools/Conformance.Generate
/// appends it to the matrix's page, so the page keeps one writer.
/// </summary>
public static class InventoryCoverage
{
    public const string Sources = "spec/inventory/";

    public static string Section(string root)
    {
        var dump = InventoryDump.Load(root);
        var model = InventoryModel.Load(root);
        return Render(dump, model, ModelAgreement.Check(dump, model));
    }

    public static string Render(InventoryDump dump, InventoryModel model, AgreementReport report)
    {
        var text = new StringBuilder();
        var classified = report.Counts.Where(c => c.Classified).ToArray();
        var gap = report.Counts.Where(c => !c.Classified).ToArray();
        text.Append("## Inventory of workerd\n\n");
        text.Append($"What {dump.Workerd} ({dump.Package}, compatibility date {dump.CompatibilityDate}) exposes, walked by ")
            .Append("`dotnet run --project tools/Conformance.Surface -- inventory` into `spec/inventory/workerd.json`, and how the hand-kept model ")
            .Append("(`spec/inventory/model/`) classifies each member that can be called, read through a getter or handle events ")
            .Append("(spec/inventory/README.md). ")
            .Append($"{report.Counts.Sum(c => c.Members)} such members in {report.Counts.Count} modules (the globals and every node:* module); ")
            .Append($"{classified.Length} modules ({classified.Sum(c => c.Members)} members) classified, ")
            .Append($"{gap.Length} modules ({gap.Sum(c => c.Members)} members) not classified yet (`{InventoryModel.UnclassifiedFile}`).\n\n");
        if (report.Problems.Count > 0)
            text.Append($"**{report.Problems.Count} disagreements between the dump and the model** (tests/unit/Inventory.Tests fails).\n\n");

        text.Append("| module | members | synchronous | async sources | callbacks | left out |\n|---|---:|---:|---:|---:|---|\n");
        foreach (var c in classified)
            text.Append($"| {c.Module} | {c.Members} | {c.Synchronous} | {c.AsyncSources} | {c.Callbacks} | {LeftOut(c.LeftOut)} |\n");
        var all = classified.SelectMany(c => c.LeftOut).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Sum(p => p.Value));
        text.Append($"| **total** | {classified.Sum(c => c.Members)} | {classified.Sum(c => c.Synchronous)} | {classified.Sum(c => c.AsyncSources)} | ")
            .Append($"{classified.Sum(c => c.Callbacks)} | {LeftOut(all)} |\n\n");

        text.Append("### Left out, with reasons\n\n");
        var leftOut = LeftOutMembers(dump, model);
        var defects = leftOut.Where(l => l.Reason == LeftOutReason.Harness).ToArray();
        text.Append(defects.Length == 0
            ? "No member is left out for a limit of this harness (such a reason is a defect to fix, issue 19 item 1).\n\n"
            : $"**{defects.Length} members left out for a limit of this harness: defects to fix** (issue 19 item 1).\n\n");
        text.Append("| module | members | reason | why |\n|---|---|---|---|\n");
        foreach (var group in leftOut.GroupBy(l => (l.Module, l.Reason, l.Why)))
            text.Append($"| {group.Key.Module} | {string.Join(", ", group.Select(l => $"`{l.Path}`"))} | {InventoryModel.ReasonName(group.Key.Reason)} | {group.Key.Why} |\n");

        text.Append("\n### Not classified yet\n\n");
        text.Append(gap.Length == 0 ? "Every module is classified.\n" : string.Join(", ", gap.Select(c => $"{c.Module} ({c.Members})")) + "\n");
        return text.ToString();
    }

    private static string LeftOut(IReadOnlyDictionary<LeftOutReason, int> counts) =>
        counts.Count == 0 ? "0" : $"{counts.Values.Sum()} ({string.Join(", ", counts.OrderBy(p => p.Key).Select(p => $"{InventoryModel.ReasonName(p.Key)} {p.Value}"))})";

    private static IReadOnlyList<(string Module, string Path, LeftOutReason Reason, string Why)> LeftOutMembers(InventoryDump dump, InventoryModel model) =>
        dump.Members.Where(m => m.NeedsClassification)
            .Select(m => (m, c: model.ModelOf(m.Module)?.Classify(m.Path) as Classification.LeftOut))
            .Where(p => p.c is not null)
            .Select(p => (p.m.Module, p.m.Path, p.c!.Reason, p.c.Why))
            .ToArray();
}
