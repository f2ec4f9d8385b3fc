using System.Text.Json;
using System.Text.Json.Serialization;

namespace Conformance.Harness.Reports;

/// <summary>One line of results.jsonl: one scenario on one target.</summary>
public sealed record ScenarioResult
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    /// <summary>The row's unique key in the catalog (<c>id</c>, or <c>id#2</c> for an outline's later rows): what a shard merge joins on (issue 21, item 2).</summary>
    [JsonPropertyName("key")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Key { get; init; }
    [JsonPropertyName("feature")] public required string Feature { get; init; }
    /// <summary>The scenario's line in <see cref="Feature"/> (0 when unknown).</summary>
    [JsonPropertyName("line")] public int Line { get; init; }
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("tags")] public IReadOnlyList<string> Tags { get; init; } = [];
    [JsonPropertyName("requirements")] public IReadOnlyList<string> Requirements { get; init; } = [];
    [JsonPropertyName("profile")] public string? Profile { get; init; }
    [JsonPropertyName("target")] public required string Target { get; init; }
    /// <summary>PASS, FAIL, TIMEOUT, CRASH, ERROR or SKIP.</summary>
    [JsonPropertyName("status")] public required string Status { get; init; }
    /// <summary>Whether CI sees no change (a pass, an allowed skip, or a known failure exactly as its list pins it).</summary>
    [JsonPropertyName("expected")] public bool Expected { get; init; }
    /// <summary>A <see cref="Expectations.VerdictKind"/>: Passed, Skipped, KnownFailure, UnexpectedPass, UnexpectedFailure, ChangedFailure or Unavailable.</summary>
    [JsonPropertyName("verdict")] public required string Verdict { get; init; }
    [JsonPropertyName("elapsedMs")] public long ElapsedMs { get; init; }
    [JsonPropertyName("detail")] public string Detail { get; init; } = "";
    /// <summary>The verdict's own message when it says more than <see cref="Detail"/> (a changed failure's pinned diff, a listed pass).</summary>
    [JsonPropertyName("verdictMessage")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? VerdictMessage { get; init; }
    /// <summary>The runtime process's exit code, when it exited by itself.</summary>
    [JsonPropertyName("exitCode")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? ExitCode { get; init; }
    /// <summary>The last lines on the runtime's standard error (any status; a FAIL's uncaught error is often there).</summary>
    [JsonPropertyName("stderrTail")] public IReadOnlyList<string> StderrTail { get; init; } = [];
    /// <summary>"sha256:&lt;hex&gt;" of the trace as file text (<see cref="Snapshots.TraceText.Render"/>); what repeatability compares.</summary>
    [JsonPropertyName("traceHash")] public string? TraceHash { get; init; }
    /// <summary>How many lines the trace had.</summary>
    [JsonPropertyName("traceLines")] public int TraceLines { get; init; }
    /// <summary>The trace itself when it is at most <see cref="MaxStoredTraceChars"/> characters as file text, else null (the hash stays).</summary>
    [JsonPropertyName("trace")] public IReadOnlyList<string>? Trace { get; init; }

    /// <summary>Traces longer than this (as file text) are journalled by hash only, so results.jsonl stays small.</summary>
    public const int MaxStoredTraceChars = 64 * 1024;

    /// <summary>"sha256:&lt;lower-case hex&gt;" of the trace rendered as a snapshot file (UTF-8, each line ending in "\n").</summary>
    public static string HashTrace(IReadOnlyList<string> trace) =>
        "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Snapshots.TraceText.Utf8.GetBytes(Snapshots.TraceText.Render(trace))));

    /// <summary>This result with the trace's hash, line count and (when small) the trace itself.</summary>
    public ScenarioResult WithTrace(IReadOnlyList<string> trace) => this with
    {
        TraceHash = HashTrace(trace),
        TraceLines = trace.Count,
        Trace = trace.Sum(l => l.Length + 1) <= MaxStoredTraceChars ? [.. trace] : null,
    };

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
