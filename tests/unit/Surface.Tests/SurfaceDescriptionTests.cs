using Conformance.Surface;

namespace Surface.Tests;

/// <summary>A malformed description is refused with a message naming the problem.</summary>
public sealed class SurfaceDescriptionTests
{
    private const string Areas = """[{"id":"stubs","title":"t","requirement":"SURF-STUBS-1","profile":"workerd-observed","description":"d"}]""";

    private static InvalidDataException Refused(string json) =>
        Assert.Throws<InvalidDataException>(() => SurfaceDescription.Parse(json, "test.json"));

    [Fact]
    public void Not_json_is_refused() => Assert.Contains("test.json", Refused("{").Message);

    [Fact]
    public void An_entry_of_an_unknown_area_is_refused() =>
        Assert.Contains("unknown area \"nope\"", Refused($$"""{"areas":{{Areas}},"entries":[{"area":"nope","subject":"s","probe":"p"}]}""").Message);

    [Fact]
    public void A_subject_twice_in_one_area_is_refused() =>
        Assert.Contains("appears twice", Refused($$"""{"areas":{{Areas}},"entries":[{"area":"stubs","subject":"s","probe":"p"},{"area":"stubs","subject":"s","probe":"q"}]}""").Message);

    [Fact]
    public void An_entry_without_a_probe_is_refused() =>
        Assert.Contains("has no probe", Refused($$"""{"areas":{{Areas}},"entries":[{"area":"stubs","subject":"s","probe":""}]}""").Message);

    [Fact]
    public void The_committed_description_round_trips()
    {
        var path = Path.Combine(Conformance.Harness.Scenarios.RepositoryRoot.Find(), SurfaceDescription.RelativePath);
        var text = File.ReadAllText(path);
        Assert.Equal(text, SurfaceDescription.Parse(text, path).ToJson());
    }
}
