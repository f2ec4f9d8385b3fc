using Conformance.Harness.Scenarios;
using Conformance.Inventory.Model;

namespace Inventory.Tests;

/// <summary>Bad model input is a clear error naming the file and the entry (spec/inventory/README.md, "The model").</summary>
public sealed class ModelReaderTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("inventory-model-").FullName;

    public ModelReaderTests()
    {
        Directory.CreateDirectory(Path.Combine(root, InventoryModel.Folder));
        File.Copy(Path.Combine(RepositoryRoot.Find(), InventoryModel.ShapesFile), Path.Combine(root, InventoryModel.ShapesFile));
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    private string ErrorOf(string json)
    {
        File.WriteAllText(Path.Combine(root, InventoryModel.Folder, "m.json"), json);
        return Assert.Throws<InvalidDataException>(() => InventoryModel.Load(root)).Message;
    }

    [Fact]
    public void A_rule_cannot_call_members_async_sources() =>
        Assert.Contains("rule \"x.*\": a rule cannot make members async sources",
            ErrorOf("""{ "module": "m", "rules": [{ "match": "x.*", "async": "promise" }] }"""));

    [Fact]
    public void A_frame_that_is_not_a_frame_is_named() =>
        Assert.Contains("\"elsewhere\" is not a frame",
            ErrorOf("""{ "module": "m", "members": { "f": { "async": [{ "callback": "c", "when": "w", "frames": ["elsewhere"] }] } } }"""));

    [Fact]
    public void A_left_out_member_needs_a_known_reason_and_a_why()
    {
        Assert.Contains("\"later\" is not a reason", ErrorOf("""{ "module": "m", "members": { "f": { "leftOut": "later", "why": "w" } } }"""));
        Assert.Contains("a left-out member needs \"why\"", ErrorOf("""{ "module": "m", "members": { "f": { "leftOut": "network" } } }"""));
    }

    [Fact]
    public void A_member_with_two_classifications_or_an_unknown_field_is_refused()
    {
        Assert.Contains("exactly one of", ErrorOf("""{ "module": "m", "members": { "f": { "sync": "s", "async": "promise" } } }"""));
        Assert.Contains("unknown field \"asnyc\"", ErrorOf("""{ "module": "m", "members": { "f": { "asnyc": "promise" } } }"""));
    }

    [Fact]
    public void An_unknown_shape_is_named() =>
        Assert.Contains("no shape \"promises\"", ErrorOf("""{ "module": "m", "members": { "f": { "async": "promises" } } }"""));

    [Fact]
    public void A_match_with_a_star_inside_is_refused() =>
        Assert.Contains("a match is an exact path", ErrorOf("""{ "module": "m", "rules": [{ "match": "a*b", "sync": "s" }] }"""));

    [Fact]
    public void A_suffix_rule_covers_the_paths_ending_with_it_and_a_longer_rule_wins()
    {
        File.WriteAllText(Path.Combine(root, InventoryModel.Folder, "m.json"),
            """{ "module": "m", "rules": [{ "match": "*Sync", "sync": "s" }, { "match": "*", "leftOut": "network", "why": "w" }] }""");
        var model = InventoryModel.Load(root).ModelOf("m")!;
        Assert.IsType<Classification.Synchronous>(model.Classify("readFileSync"));
        Assert.IsType<Classification.LeftOut>(model.Classify("readFile"));
    }
}
