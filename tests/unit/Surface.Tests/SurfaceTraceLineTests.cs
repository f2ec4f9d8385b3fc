using System.Text.Json.Nodes;
using Conformance.Surface;

namespace Surface.Tests;

public sealed class SurfaceTraceLineTests
{
    [Fact]
    public void Reads_json_printed_unquoted_after_log() =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"a":[1,"x"]}"""), SurfaceTraceLine.TryRead("""log: {"a":[1,"x"]}""")));

    [Fact]
    public void Reads_json_printed_as_a_json_quoted_string() =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"a":"q\"b"}"""), SurfaceTraceLine.TryRead("""log: "{\\"a\\":\\"q\\\\\\"b\\"}" """.TrimEnd())));

    [Fact]
    public void Undoes_tf2_escapes_before_parsing() =>
        Assert.Equal("a\\b", SurfaceTraceLine.TryRead("""log: {"k":"a\\\\b"}""")?["k"]?.GetValue<string>());

    [Fact]
    public void Other_lines_are_not_entries()
    {
        Assert.Null(SurfaceTraceLine.TryRead("end"));
        Assert.Null(SurfaceTraceLine.TryRead("load error: Error"));
    }

    [Fact]
    public void A_log_line_that_is_not_json_is_a_clear_error() =>
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => SurfaceTraceLine.TryRead("log: hello"));
}
