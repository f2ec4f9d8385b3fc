using System.Text.Json;

namespace Conformance.Matrix.Rendering;

/// <summary>
/// The surface entries of spec/surface/async_hooks.json per area (issue 8, point 5): how many the description holds, and
/// how many become scenarios in features/surface (all but those marked <c>workerdInternal</c>, which only a workerd dump
/// checks; spec/surface/README.md).
/// </summary>
public sealed record SurfaceSummary(IReadOnlyList<SurfaceSummary.Area> Areas)
{
    public const string DescriptionPath = "spec/surface/async_hooks.json";

    public sealed record Area(string Id, string Title, string Requirement, int Entries, int Generated);

    public int Entries => Areas.Sum(a => a.Entries);
    public int Generated => Areas.Sum(a => a.Generated);

    /// <summary>Reads the description under <paramref name="root"/>; a missing or malformed one is an error naming the file.</summary>
    public static SurfaceSummary Load(string root)
    {
        var path = Path.Combine(root, DescriptionPath);
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var entries = document.RootElement.GetProperty("entries").EnumerateArray()
                .Select(e => (Area: e.GetProperty("area").GetString() ?? "",
                    Internal: e.TryGetProperty("workerdInternal", out var flag) && flag.ValueKind == JsonValueKind.True))
                .ToArray();
            var areas = document.RootElement.GetProperty("areas").EnumerateArray().Select(a =>
            {
                var id = a.GetProperty("id").GetString() ?? "";
                var mine = entries.Where(e => e.Area == id).ToArray();
                return new Area(id, a.GetProperty("title").GetString() ?? "", a.GetProperty("requirement").GetString() ?? "",
                    mine.Length, mine.Count(e => !e.Internal));
            }).ToArray();
            var unknown = entries.Select(e => e.Area).Except(areas.Select(a => a.Id)).ToArray();
            if (unknown.Length > 0) throw new InvalidDataException($"{DescriptionPath}: entries of undeclared areas: {string.Join(", ", unknown)}");
            return new SurfaceSummary(areas);
        }
        catch (Exception error) when (error is JsonException or KeyNotFoundException or InvalidOperationException or FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InvalidDataException($"{DescriptionPath}: cannot be summarised ({error.Message})", error);
        }
    }
}
