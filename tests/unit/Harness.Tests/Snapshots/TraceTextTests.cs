using Conformance.Harness.Snapshots;

namespace Harness.Tests.Snapshots;

public sealed class TraceTextTests
{
    [Fact]
    public void Every_line_ends_in_a_line_feed() => Assert.Equal("a\nb\n", TraceText.Render(["a", "b"]));

    [Fact]
    public void An_empty_trace_is_an_empty_text() => Assert.Equal("", TraceText.Render([]));

    [Theory]
    [InlineData("", new string[0])]
    [InlineData("a\n", new[] { "a" })]
    [InlineData("a\r\nb\r\n", new[] { "a", "b" })]
    [InlineData("a\n\nb\n", new[] { "a", "", "b" })]
    public void Parsing_reads_lines_back(string text, string[] lines) => Assert.Equal(lines, TraceText.Parse(text));
}
