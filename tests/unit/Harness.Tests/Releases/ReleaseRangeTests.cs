using Conformance.Harness.Releases;

namespace Harness.Tests.Releases;

/// <summary>How a bisect range is written and which published releases it holds (npm's list given, no download).</summary>
public sealed class ReleaseRangeTests
{
    private static readonly string[] Published =
        ["0.8.1", "1.0.0", "1.0.1", "1.0.2", "1.0.10", "1.1.0-canary.20240101.1", "1.1.0", "1.2.0", "1.3.0", "1.4.0"];

    private static ReleaseRange Parse(string text) => ReleaseRange.TryParse(text, out var problem) ?? throw new Xunit.Sdk.XunitException(problem);

    [Fact]
    public void A_range_names_a_runtime_and_two_exact_releases()
    {
        var range = Parse("bun@1.0.0..1.4.5");
        Assert.Equal(("bun", "1.0.0", "1.4.5"), (range.Family.Name, range.From, range.To));
        Assert.Equal("@oven/bun-linux-x64", range.Family.Package);
    }

    [Theory]
    [InlineData("bun@1.0.0", "is not a range of releases")]
    [InlineData("bun1.0.0..1.4.5", "is not a range of releases")]
    [InlineData("bun@1.0..1.4.5", "the start of the range")]
    [InlineData("bun@1.0.0..latest", "the end of the range")]
    [InlineData("bun@1.0.0..", "the end of the range")]
    [InlineData("python@3.0.0..3.1.0", "not a runtime that can be run at a version")]
    [InlineData("bun@1.2.0..1.2.0", "is an empty range")]
    [InlineData("bun@1.4.5..1.0.0", "is reversed: 1.4.5 is newer than 1.0.0; write bun@1.0.0..1.4.5")]
    public void A_badly_written_range_says_what_is_wrong(string text, string message)
    {
        Assert.Null(ReleaseRange.TryParse(text, out var problem));
        Assert.Contains(message, problem);
    }

    [Fact]
    public void The_releases_are_those_published_between_the_ends_in_version_order_without_pre_releases()
    {
        Assert.Equal(["1.0.0", "1.0.1", "1.0.2", "1.0.10", "1.1.0", "1.2.0"], Parse("bun@1.0.0..1.2.0").Select(Published, false, out _));
        Assert.Equal(["1.0.10", "1.1.0-canary.20240101.1", "1.1.0"], Parse("bun@1.0.10..1.1.0").Select(Published, true, out _));
    }

    [Fact]
    public void An_end_npm_does_not_have_names_the_nearest_published_versions()
    {
        Assert.Null(Parse("bun@1.0.0..1.3.5").Select(Published, false, out var problem));
        Assert.Equal("npm has no @oven/bun-linux-x64@1.3.5 (the end of bun@1.0.0..1.3.5); nearest versions npm offers: 1.1.0, 1.2.0, 1.3.0, 1.4.0", problem);
    }
}

/// <summary>A bisect by compatibility date runs over every day of a range of dates.</summary>
public sealed class DateRangeTests
{
    [Fact]
    public void A_range_of_dates_is_every_day_of_it()
    {
        Assert.Equal(["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02"], ReleaseRange.Days("2026-02-27..2026-03-02", out _));
        Assert.Equal(366, ReleaseRange.Days("2024-01-01..2024-12-31", out _)!.Count);
    }

    [Theory]
    [InlineData("2026-03-02", "is not a range of dates")]
    [InlineData("2026-03-02..2026-13-01", "is not a range of dates")]
    [InlineData("2026-03-02..2026-03-02", "is an empty range of dates")]
    [InlineData("2026-03-02..2026-01-01", "is reversed: write 2026-01-01..2026-03-02")]
    public void A_bad_range_of_dates_says_what_is_wrong(string text, string message)
    {
        Assert.Null(ReleaseRange.Days(text, out var problem));
        Assert.Contains(message, problem);
    }
}
