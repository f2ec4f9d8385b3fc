using Conformance.Harness.Targets.Versions;

namespace Harness.Tests.Versions;

/// <summary>An unknown version's usage error names the releases npm offers around it, in version order (not text order).</summary>
public sealed class NearestVersionsTests
{
    private static readonly string[] Offered = ["1.2.9", "1.3.0", "1.3.1", "1.3.2", "1.3.10", "1.3.11", "1.4.0", "1.4.0-canary.1", "2.0.0"];

    [Fact]
    public void Names_three_below_and_three_above_in_version_order() =>
        Assert.Equal(["1.3.2", "1.3.10", "1.3.11", "1.4.0-canary.1", "1.4.0", "2.0.0"], NearestVersions.Around("1.3.99", Offered));

    [Fact]
    public void A_version_older_than_all_names_the_oldest() =>
        Assert.Equal(["1.2.9", "1.3.0", "1.3.1"], NearestVersions.Around("0.1.0", Offered));

    [Fact]
    public void The_message_names_the_package_the_neighbours_and_how_to_list_all()
    {
        var version = RuntimeVersion.TryParse("bun@1.3.99", out _)!;
        var message = NearestVersions.Message(version, Offered);
        Assert.Contains("npm has no @oven/bun-linux-x64@1.3.99", message);
        Assert.Contains("1.3.11, 1.4.0-canary.1, 1.4.0", message);
        Assert.Contains("npm view @oven/bun-linux-x64 versions --json", message);
    }

    [Theory]
    [InlineData("1.20240117.0", "1.20240223.1", -1)]
    [InlineData("1.3.10", "1.3.9", 1)]
    [InlineData("1.4.0-canary.1", "1.4.0", -1)]
    [InlineData("2.0.0", "2.0.0", 0)]
    public void Orders_by_numbers(string a, string b, int sign) => Assert.Equal(sign, Math.Sign(VersionOrder.Instance.Compare(a, b)));
}
