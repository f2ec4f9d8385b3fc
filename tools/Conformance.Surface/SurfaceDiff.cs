using System.Text.Json.Nodes;

namespace Conformance.Surface;

/// <summary>Entry-by-entry differences between the committed description and a fresh dump (`dump --check`).</summary>
public static class SurfaceDiff
{
    /// <summary>Without <paramref name="includeInternal"/>, workerd-internal entries are left out on both sides (another runtime need not have them).</summary>
    public static IReadOnlyList<string> Compare(SurfaceDescription expected, SurfaceDescription actual, bool includeInternal = true)
    {
        if (!includeInternal)
        {
            expected = expected with { Entries = expected.Entries.Where(e => !e.WorkerdInternal).ToArray() };
            actual = actual with { Entries = actual.Entries.Where(e => !e.WorkerdInternal).ToArray() };
        }
        var differences = new List<string>();
        var actualBySubject = actual.Entries.ToDictionary(e => (e.Area, e.Subject));
        var expectedKeys = expected.Entries.Select(e => (e.Area, e.Subject)).ToHashSet();
        foreach (var entry in expected.Entries)
        {
            if (!actualBySubject.TryGetValue((entry.Area, entry.Subject), out var now))
                differences.Add($"- {entry.Area}: {entry.Subject}: no longer observed");
            else if (now.Probe != entry.Probe)
                differences.Add($"~ {entry.Area}: {entry.Subject}: probe changed\n    was: {entry.Probe}\n    now: {now.Probe}");
            else if (!JsonNode.DeepEquals(entry.Observed, now.Observed) || now.WorkerdInternal != entry.WorkerdInternal)
                differences.Add($"~ {entry.Area}: {entry.Subject}\n    description: {entry.Observed?.ToJsonString()}\n    observed:    {now.Observed?.ToJsonString()}");
        }
        foreach (var entry in actual.Entries.Where(e => !expectedKeys.Contains((e.Area, e.Subject))))
            differences.Add($"+ {entry.Area}: {entry.Subject}: {entry.Observed?.ToJsonString()} (not in the description)");
        return differences;
    }
}
