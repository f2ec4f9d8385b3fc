using Conformance.Harness.Scenarios;
using Conformance.Harness.Snapshots;

namespace Harness.Tests.Snapshots;

/// <summary>
/// The repository's features/snapshots.provenance.tsv covers exactly the verified files there, and says workerd on every row:
/// a snapshot accepted from another runtime (with -AcceptFrom) fails this test until it is re-accepted from workerd.
/// </summary>
public sealed class RepositoryProvenanceTests
{
    private static readonly string Features = Path.Combine(RepositoryRoot.Find(), "features");
    private static readonly ProvenanceManifest Manifest = ProvenanceManifest.Load(ProvenanceManifest.PathUnder(Features));

    private static IEnumerable<string> VerifiedFiles() =>
        Directory.EnumerateFiles(Features, "*" + SnapshotStore.VerifiedSuffix, SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Features, path).Replace(Path.DirectorySeparatorChar, '/'));

    [Fact]
    public void The_manifest_is_well_formed() => Assert.Empty(Manifest.Problems);

    [Fact]
    public void Every_verified_file_has_a_row()
    {
        var missing = VerifiedFiles().Where(path => !Manifest.Rows.ContainsKey(path)).ToList();
        Assert.True(missing.Count == 0, "no provenance row for: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_row_names_an_existing_verified_file()
    {
        var stale = Manifest.Rows.Keys.Where(path => !File.Exists(Path.Combine(Features, path))).ToList();
        Assert.True(stale.Count == 0, "provenance rows for files that do not exist: " + string.Join(", ", stale));
    }

    [Fact]
    public void Every_row_says_workerd_with_its_version_and_a_compatibility_date()
    {
        Assert.NotEmpty(Manifest.Rows);
        Assert.All(Manifest.Rows, row =>
        {
            Assert.True(row.Value.Runtime == "workerd", $"{row.Key} was produced by {row.Value.Runtime}, not workerd");
            Assert.StartsWith("workerd ", row.Value.Version);
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", row.Value.CompatibilityDate);
        });
    }
}
