using Conformance.Harness.Execution;

namespace Harness.Tests.Execution;

public sealed class ShardSpecTests
{
    private static readonly string[] Keys = Enumerable.Range(0, 10).Select(i => $"area/s{i:00}").ToArray();

    [Fact]
    public void Shards_partition_the_keys_disjointly_and_completely()
    {
        var shards = Enumerable.Range(1, 3).Select(i => new ShardSpec(i, 3).Select(Keys)).ToArray();
        Assert.Equal(Keys.Length, shards.Sum(s => s.Count));
        Assert.Equal(Keys.Order(), shards.SelectMany(s => s).Order());
        Assert.Equal(["area/s00", "area/s03", "area/s06", "area/s09"], shards[0].Order());
    }

    [Fact]
    public void The_shard_does_not_depend_on_the_input_order() =>
        Assert.Equal(new ShardSpec(2, 4).Select(Keys).Order(), new ShardSpec(2, 4).Select(Keys.Reverse()).Order());

    [Theory]
    [InlineData("2/4", 2, 4)]
    [InlineData(" 1 / 1 ", 1, 1)]
    public void Parses_i_of_n(string text, int index, int count) => Assert.Equal(new ShardSpec(index, count), ShardSpec.Parse(text));

    [Theory]
    [InlineData("0/4")]
    [InlineData("5/4")]
    [InlineData("2")]
    [InlineData("a/b")]
    [InlineData("1/0")]
    public void Rejects_what_is_not_a_shard(string text) => Assert.Throws<FormatException>(() => ShardSpec.Parse(text));
}
