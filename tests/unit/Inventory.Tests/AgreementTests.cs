using System.Text.Json.Nodes;
using Conformance.Harness.Scenarios;
using Conformance.Inventory.Check;
using Conformance.Inventory.Dump;
using Conformance.Inventory.Model;

namespace Inventory.Tests;

/// <summary>
/// The agreement check fails both ways (issue 19, item 1): a member workerd adds that the model does not classify, and a member
/// the model classifies that workerd no longer has. Built on the committed dump and model, each with one member changed.
/// </summary>
public sealed class AgreementTests
{
    private static readonly string Root = RepositoryRoot.Find();
    private static readonly InventoryDump Dump = InventoryDump.Load(Root);
    private static readonly InventoryModel Model = InventoryModel.Load(Root);

    [Fact]
    public void A_member_workerd_adds_that_no_rule_covers_is_reported()
    {
        var added = new InventoryMember("globals", "setTimeoutLater", "function", new JsonObject { ["length"] = 2 });
        var report = ModelAgreement.Check(Dump with { Members = [.. Dump.Members, added] }, Model);
        Assert.Contains("globals setTimeoutLater (function): workerd exposes it and spec/inventory/model/globals.json does not classify it", report.Problems);
    }

    [Fact]
    public void A_member_a_rule_covers_is_classified_by_that_rule()
    {
        var added = new InventoryMember("globals", "Math.sumLater", "function", new JsonObject { ["length"] = 1 });
        Assert.Empty(ModelAgreement.Check(Dump with { Members = [.. Dump.Members, added] }, Model).Problems);
    }

    [Fact]
    public void A_member_the_model_classifies_that_workerd_lacks_is_reported()
    {
        var report = ModelAgreement.Check(Dump with { Members = Dump.Members.Where(m => !(m.Module == "globals" && m.Path == "queueMicrotask")).ToArray() }, Model);
        Assert.Contains("globals queueMicrotask: spec/inventory/model/globals.json classifies it and workerd lacks it", report.Problems);
    }

    [Fact]
    public void A_rule_exception_workerd_lacks_is_reported()
    {
        var report = ModelAgreement.Check(Dump with { Members = Dump.Members.Where(m => !(m.Module == "globals" && m.Path == "Array.fromAsync")).ToArray() }, Model);
        Assert.Contains(report.Problems, p => p.StartsWith("globals Array.fromAsync: an exception of rule \"Array.*\"", StringComparison.Ordinal));
    }

    [Fact]
    public void A_module_workerd_adds_that_is_in_neither_the_model_nor_the_gap_is_reported()
    {
        var added = new InventoryMember("node:newthing", "run", "function", new JsonObject { ["length"] = 0 });
        var report = ModelAgreement.Check(Dump with { Members = [.. Dump.Members, added] }, Model);
        Assert.Contains($"node:newthing: no model under {InventoryModel.Folder} and not listed in {InventoryModel.UnclassifiedFile}", report.Problems);
    }

    [Fact]
    public void A_module_workerd_drops_is_reported()
    {
        var report = ModelAgreement.Check(Dump with { Members = Dump.Members.Where(m => m.Module != "globals").ToArray() }, Model);
        Assert.Contains("globals: the model names this module, which workerd does not expose", report.Problems);
    }

    [Fact]
    public void Values_aliases_and_objects_need_no_classification()
    {
        var added = new[]
        {
            new InventoryMember("globals", "SOME_CONSTANT", "value", new JsonObject { ["type"] = "number" }),
            new InventoryMember("globals", "anotherName", "alias", new JsonObject { ["of"] = "globals setTimeout" }),
        };
        Assert.Empty(ModelAgreement.Check(Dump with { Members = [.. Dump.Members, .. added] }, Model).Problems);
    }

    [Fact]
    public void A_module_with_nothing_to_classify_needs_no_model_but_may_not_sit_in_the_gap()
    {
        var added = new InventoryMember("node:onlyvalues", "ANSWER", "value", new JsonObject { ["type"] = "number" });
        var dump = Dump with { Members = [.. Dump.Members, added] };
        Assert.Empty(ModelAgreement.Check(dump, Model).Problems);
        var listed = ModelAgreement.Check(dump, Model with { Unclassified = [.. Model.Unclassified, "node:onlyvalues"] });
        Assert.Contains(listed.Problems, p => p.StartsWith("node:onlyvalues: listed in", StringComparison.Ordinal));
    }
}
