using System.Text.Json;
using System.Text.Json.Serialization;

namespace Conformance.Harness.Reports;

/// <summary>One line of results.jsonl: one scenario on one target.</summary>
public sealed record ScenarioResult
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("feature")] public required string Feature { get; init; }
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("tags")] public IReadOnlyList<string> Tags { get; init; } = [];
    [JsonPropertyName("requirements")] public IReadOnlyList<string> Requirements { get; init; } = [];
    [JsonPropertyName("profile")] public string? Profile { get; init; }
    [JsonPropertyName("target")] public required string Target { get; init; }
    /// <summary>PASS, FAIL, TIMEOUT, CRASH, ERROR or SKIP.</summary>
    [JsonPropertyName("status")] public required string Status { get; init; }
    /// <summary>Whether CI sees no change (pass, skip, or a listed known failure).</summary>
    [JsonPropertyName("expected")] public bool Expected { get; init; }
    /// <summary>Passed, Skipped, KnownFailure, UnexpectedPass or UnexpectedFailure.</summary>
    [JsonPropertyName("verdict")] public required string Verdict { get; init; }
    [JsonPropertyName("elapsedMs")] public long ElapsedMs { get; init; }
    [JsonPropertyName("detail")] public string Detail { get; init; } = "";

    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string ToJsonLine() => JsonSerializer.Serialize(this, Options);

    public static ScenarioResult FromJsonLine(string line) =>
        JsonSerializer.Deserialize<ScenarioResult>(line, Options) ?? throw new FormatException("an empty results line");

    /// <summary>Reads a results.jsonl file, skipping blank lines.</summary>
    public static IReadOnlyList<ScenarioResult> ReadAll(string path) =>
        File.ReadLines(path).Where(l => l.Trim().Length > 0).Select(FromJsonLine).ToArray();
}
