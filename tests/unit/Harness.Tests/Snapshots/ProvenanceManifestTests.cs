using Conformance.Harness.Snapshots;

namespace Harness.Tests.Snapshots;

/// <summary>Accept records who produced each verified file in features/snapshots.provenance.tsv (issue 11.5).</summary>
public sealed class ProvenanceManifestTests : IDisposable
{
    private static readonly SnapshotOrigin Workerd = new("workerd", "workerd 2026-11-17", "2026-11-17");

    private readonly TempDirectory _temp = new();
    private string Features => _temp.File("features");
    private string ManifestPath => ProvenanceManifest.PathUnder(Features);

    public ProvenanceManifestTests() => Directory.CreateDirectory(Path.Combine(Features, "area"));

    public void Dispose() => _temp.Dispose();

    private string VerifiedFile(string name) => Path.Combine(Features, "area", name + ".verified.txt");

    private SnapshotStore AcceptingStore() =>
        new(accept: true, Features, _temp.File("received"), ProvenanceManifest.Load(ManifestPath));

    [Fact]
    public void Accept_records_a_row_for_a_written_and_for_a_matching_snapshot_sorted_by_path()
    {
        File.WriteAllText(VerifiedFile("b"), "end\n");
        var store = AcceptingStore();

        store.Check(VerifiedFile("b"), ["end"], origin: Workerd);
        store.Check(VerifiedFile("a"), ["log: new", "end"], origin: Workerd with { CompatibilityDate = "2025-06-15" });

        Assert.Equal(ProvenanceManifest.Header + "\n" +
            "area/a.verified.txt\tworkerd\tworkerd 2026-11-17\t2025-06-15\n" +
            "area/b.verified.txt\tworkerd\tworkerd 2026-11-17\t2026-11-17\n", File.ReadAllText(ManifestPath));
    }

    [Fact]
    public void Accepting_the_same_traces_again_leaves_the_manifest_byte_for_byte_the_same()
    {
        AcceptingStore().Check(VerifiedFile("a"), ["end"], origin: Workerd);
        var first = File.ReadAllBytes(ManifestPath);

        AcceptingStore().Check(VerifiedFile("a"), ["end"], origin: Workerd);

        Assert.Equal(first, File.ReadAllBytes(ManifestPath));
    }

    [Fact]
    public void A_run_without_accept_never_writes_the_manifest()
    {
        new SnapshotStore(accept: false, Features, _temp.File("received"), ProvenanceManifest.Load(ManifestPath))
            .Check(VerifiedFile("a"), ["end"], origin: Workerd);
        Assert.False(File.Exists(ManifestPath));
    }

    [Fact]
    public void A_run_that_did_not_complete_records_nothing()
    {
        AcceptingStore().Check(VerifiedFile("a"), ["log: partial"], runCompleted: false, origin: Workerd);
        Assert.False(File.Exists(ManifestPath));
    }

    [Fact]
    public void A_malformed_manifest_is_reported_and_never_rewritten()
    {
        File.WriteAllText(ManifestPath, "area/a.verified.txt\tworkerd\n");
        var manifest = ProvenanceManifest.Load(ManifestPath);

        Assert.Contains(manifest.Problems, p => p.Contains(":1: expected 4 tab-separated fields", StringComparison.Ordinal));
        Assert.Throws<InvalidDataException>(() => manifest.Record("area/a.verified.txt", Workerd));
        Assert.Equal("area/a.verified.txt\tworkerd\n", File.ReadAllText(ManifestPath));
    }

    [Fact]
    public void A_one_row_accept_changes_only_that_row_of_an_unsorted_manifest()
    {
        // Issue 18, item 6: the repository's manifest is not in ordinal order; an accept must not re-sort it.
        var text = ProvenanceManifest.Header + "\n# a comment\n" +
            "area/z.verified.txt\tworkerd\tworkerd 2026-11-17\t2026-11-17\n" +
            "area/b.verified.txt\tworkerd\tworkerd 2026-11-17\t2026-11-17\n" +
            "area/a.verified.txt\tworkerd\tworkerd 2026-11-17\t2026-11-17\n";
        File.WriteAllText(ManifestPath, text);
        File.WriteAllText(VerifiedFile("b"), "end\n");

        AcceptingStore().Check(VerifiedFile("b"), ["log: new", "end"], origin: Workerd with { Version = "workerd 2026-12-01" });

        Assert.Equal(text.Replace("area/b.verified.txt\tworkerd\tworkerd 2026-11-17", "area/b.verified.txt\tworkerd\tworkerd 2026-12-01"),
            File.ReadAllText(ManifestPath));
    }
}
