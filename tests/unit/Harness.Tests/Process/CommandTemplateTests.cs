using Xunit;
using Conformance.Harness.Targets.Process;

namespace Harness.Tests.Process;

public sealed class CommandTemplateTests
{
    [Theory]
    [InlineData("node {node-host}", new[] { "node", "{node-host}" })]
    [InlineData("  a   b\tc ", new[] { "a", "b", "c" })]
    [InlineData("/bin/sh -c \"kill -9 $$\"", new[] { "/bin/sh", "-c", "kill -9 $$" })]
    [InlineData("x 'it''s' \"q\\\"uote\"", new[] { "x", "its", "q\"uote" })]
    [InlineData("'/path with space/deno' run {driver}", new[] { "/path with space/deno", "run", "{driver}" })]
    [InlineData("a\\ b", new[] { "a b" })]
    [InlineData("''", new[] { "" })]
    public void Splits_like_shell_words_without_expansion(string template, string[] expected) =>
        Assert.Equal(expected, CommandTemplate.Split(template));

    [Theory]
    [InlineData("node 'open")]
    [InlineData("node \"open")]
    [InlineData("node \\")]
    public void Rejects_unterminated_quotes(string template) =>
        Assert.Throws<FormatException>(() => CommandTemplate.Split(template));
}
