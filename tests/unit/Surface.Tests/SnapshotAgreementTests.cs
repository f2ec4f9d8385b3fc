using Conformance.Harness.Scenarios;
using Conformance.Surface;

namespace Surface.Tests;

/// <summary>
/// Every contract entry's verified snapshot (what workerd printed for the generated scenario) is the description's
/// observed value in trace notation: the description and the snapshots cannot drift apart.
/// </summary>
public sealed class SnapshotAgreementTests
{
    private static readonly string Root = RepositoryRoot.Find();

    public static TheoryData<string, string> Entries()
    {
        var data = new TheoryData<string, string>();
        foreach (var entry in SurfaceDescription.Load(Root).Entries.Where(e => !e.WorkerdInternal)) data.Add(entry.Area, entry.Subject);
        return data;
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void The_verified_snapshot_prints_the_described_value(string area, string subject)
    {
        var entry = SurfaceDescription.Load(Root).Entries.Single(e => e.Area == area && e.Subject == subject);
        var path = Path.Combine(Root, SurfaceFeatureGenerator.Folder, $"{area}.{ScenarioSlug.From(subject)}.verified.txt");
        Assert.True(File.Exists(path), $"no verified snapshot {path}: produce it on workerd (spec/surface/README.md)");
        var lines = File.ReadAllText(path).Split('\n');
        // The snapshot holds trace lines, escaped as TF-2 says.
        var line = ("log: " + TraceNotation.Format(entry.Observed)).Replace("\\", "\\\\").Replace("\r", "\\r").Replace("\n", "\\n");
        Assert.Equal([line, "end", "exit: ok", ""], lines);
    }
}
