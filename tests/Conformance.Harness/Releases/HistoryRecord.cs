using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Conformance.Harness.Releases;

/// <summary>PASS and all of one profile's scenarios on one release.</summary>
public sealed record ProfileCount(int Pass, int Of);

/// <summary>One release's row of docs/history.md: its counts, or why it would not start (then no count).</summary>
public sealed record ReleaseRow(string Release, int Pass, int Of, int Fail, int NotApplicable, int Other,
    IReadOnlyDictionary<string, ProfileCount>? Profiles = null, string? NotStarted = null);

/// <summary>One scenario whose outcome changed between two consecutive started releases (<see cref="ObservedOutcome.ToString"/>).</summary>
public sealed record OutcomeChange(string From, string To, string Scenario, string Old, string New);

public sealed record RuntimeRecord(string Runtime, IReadOnlyList<ReleaseRow> Releases, IReadOnlyList<OutcomeChange> Changes);

/// <summary>
/// docs/history.json: what the history verb recorded from its runs over releases, and all docs/history.md is rendered from, so
/// that generate renders the page without a runtime (issue 17, item 5). <see cref="Header"/> is the page's text before the
/// tables: what was run, when, and the notes given with --note.
/// </summary>
public sealed record HistoryRecord(IReadOnlyList<string> Header, IReadOnlyList<RuntimeRecord> Runtimes)
{
    public const string RelativePath = "docs/history.json";
    public const string PagePath = "docs/history.md";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // the text as written: backticks, arrows, quotes
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>The record from the runs, each runtime's releases oldest first.</summary>
    public static HistoryRecord Of(IReadOnlyList<string> header, IReadOnlyList<RuntimeHistory> runtimes) =>
        new(header, [.. runtimes.Select(r => new RuntimeRecord(r.Runtime, [.. r.Releases.Select(RowOf)],
            [.. ReleaseHistory.Changes(r.Releases).Select(c => new OutcomeChange(c.From, c.To, c.Id, c.Old.ToString(), c.New.ToString()))]))]);

    private static ReleaseRow RowOf(ReleaseRun run)
    {
        if (!run.Started) return new ReleaseRow(run.Release, 0, 0, 0, 0, 0, NotStarted: run.NotStarted ?? "");
        var outcomes = run.Outcomes!;
        var profiles = new Dictionary<string, ProfileCount>(StringComparer.Ordinal);
        foreach (var profile in ReleaseHistory.Profiles)
        {
            var ids = outcomes.Keys.Where(id => run.Profiles?.GetValueOrDefault(id) == profile).ToList();
            if (ids.Count > 0) profiles[profile] = new ProfileCount(ids.Count(id => outcomes[id].Passes), ids.Count);
        }
        int Count(string status) => outcomes.Values.Count(o => o.Status == status);
        var other = outcomes.Count - Count("PASS") - Count("FAIL") - Count("NOT-APPLICABLE");
        return new ReleaseRow(run.Release, Count("PASS"), outcomes.Count, Count("FAIL"), Count("NOT-APPLICABLE"), other, profiles);
    }

    /// <summary>JSON with one release row or one change a line, so a new run's diff reads row by row.</summary>
    public string ToJson()
    {
        var text = new StringBuilder("{\n  \"header\": [\n");
        text.AppendJoin(",\n", Header.Select(h => "    " + JsonSerializer.Serialize(h, Json))).Append("\n  ],\n  \"runtimes\": [\n");
        text.AppendJoin(",\n", Runtimes.Select(r =>
            $"    {{\n      \"runtime\": {JsonSerializer.Serialize(r.Runtime, Json)},\n      \"releases\": [\n"
            + string.Join(",\n", r.Releases.Select(row => "        " + JsonSerializer.Serialize(row, Json)))
            + "\n      ],\n      \"changes\": [" + (r.Changes.Count == 0 ? "" : "\n")
            + string.Join(",\n", r.Changes.Select(c => "        " + JsonSerializer.Serialize(c, Json)))
            + (r.Changes.Count == 0 ? "]" : "\n      ]") + "\n    }"));
        return text.Append("\n  ]\n}\n").ToString();
    }

    /// <summary>Reads <see cref="RelativePath"/> under <paramref name="root"/>; a missing, malformed or incomplete file is an error naming it.</summary>
    public static HistoryRecord Load(string root)
    {
        var path = Path.Combine(root, RelativePath);
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (Exception error) when (error is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"{RelativePath}: {error.Message}", error);
        }
    }

    public static HistoryRecord Parse(string json) =>
        JsonSerializer.Deserialize<HistoryRecord>(json, Json) ?? throw new JsonException("the file holds null, not a history");
}
