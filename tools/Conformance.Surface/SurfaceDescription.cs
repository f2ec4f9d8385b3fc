using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Conformance.Surface;

/// <summary>One area of the surface: one generated feature file, one requirement id, one profile (spec/surface/README.md).</summary>
public sealed record SurfaceArea(string Id, string Title, string Requirement, string Profile, string Description);

/// <summary>
/// One observation: <see cref="Probe"/> is a JS expression over the probe helpers (Js/probe-helpers.js) whose value is
/// <see cref="Observed"/> on workerd. A <see cref="WorkerdInternal"/> entry is recorded but not part of the contract.
/// </summary>
public sealed record SurfaceEntry(string Area, string Subject, string Probe, JsonNode? Observed, bool WorkerdInternal = false);

/// <summary>spec/surface/async_hooks.json: the node:async_hooks surface as workerd exposes it.</summary>
public sealed record SurfaceDescription(
    string Module, string Target, string CompatibilityDate, string Note,
    IReadOnlyList<SurfaceArea> Areas, IReadOnlyList<SurfaceEntry> Entries)
{
    public const string RelativePath = "spec/surface/async_hooks.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json).ReplaceLineEndings("\n") + "\n";

    /// <summary>Reads and checks the file: every entry names a known area, subjects are unique per area.</summary>
    public static SurfaceDescription Parse(string json, string source)
    {
        SurfaceDescription? description;
        try { description = JsonSerializer.Deserialize<SurfaceDescription>(json, Json); }
        catch (JsonException e) { throw new InvalidDataException($"{source}: not a surface description: {e.Message}", e); }
        if (description is null || description.Areas is null || description.Entries is null)
            throw new InvalidDataException($"{source}: not a surface description (needs areas and entries)");
        var areas = description.Areas.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in description.Entries)
        {
            if (!areas.Contains(entry.Area)) throw new InvalidDataException($"{source}: entry \"{entry.Subject}\" names the unknown area \"{entry.Area}\"");
            if (string.IsNullOrWhiteSpace(entry.Probe)) throw new InvalidDataException($"{source}: entry \"{entry.Subject}\" has no probe");
        }
        var duplicate = description.Entries.GroupBy(e => (e.Area, e.Subject)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidDataException($"{source}: the subject \"{duplicate.Key.Subject}\" appears twice in area \"{duplicate.Key.Area}\"");
        return description;
    }

    public static SurfaceDescription Load(string repositoryRoot)
    {
        var path = Path.Combine(repositoryRoot, RelativePath);
        return Parse(File.ReadAllText(path), RelativePath);
    }
}
