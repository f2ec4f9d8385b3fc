using System.Text.Json.Nodes;
using Conformance.Surface;

namespace Surface.Tests;

/// <summary>`dump --check`: every kind of difference is reported; workerd-internal entries only when asked.</summary>
public sealed class SurfaceDiffTests
{
    private static SurfaceDescription With(params SurfaceEntry[] entries) =>
        new("node:async_hooks", "workerd", "2026-11-17", "", SurfaceAreas.All, entries);

    private static SurfaceEntry Entry(string subject, string observed, bool internalEntry = false) =>
        new(SurfaceAreas.Stubs, subject, "attempt(() => 0)", JsonNode.Parse(observed), internalEntry);

    [Fact]
    public void Equal_descriptions_have_no_difference() =>
        Assert.Empty(SurfaceDiff.Compare(With(Entry("a", "{\"x\":1}")), With(Entry("a", "{\"x\":1}"))));

    [Fact]
    public void A_changed_value_a_missing_entry_and_a_new_entry_are_each_reported()
    {
        var differences = SurfaceDiff.Compare(
            With(Entry("changed", "{\"x\":1}"), Entry("gone", "1")),
            With(Entry("changed", "{\"x\":2}"), Entry("new", "1")));
        Assert.Equal(3, differences.Count);
        Assert.Contains(differences, d => d.StartsWith("~ stubs: changed", StringComparison.Ordinal));
        Assert.Contains(differences, d => d.StartsWith("- stubs: gone", StringComparison.Ordinal));
        Assert.Contains(differences, d => d.StartsWith("+ stubs: new", StringComparison.Ordinal));
    }

    [Fact]
    public void Workerd_internal_entries_count_only_when_included()
    {
        var expected = With(Entry("internal keys", "[\"Symbol(x)\"]", internalEntry: true));
        var actual = With();
        Assert.Single(SurfaceDiff.Compare(expected, actual));
        Assert.Empty(SurfaceDiff.Compare(expected, actual, includeInternal: false));
    }
}
