using System.Text.Json;

namespace Conformance.Harness.Reports;

/// <summary>
/// <c>shard.json</c> beside results.jsonl, written by a sharded run before any row runs (issue 21, item 2): which shard it was
/// (<c>i/n</c>) and how many rows the whole selection had before the shard took its share, so a merge of the shards can tell
/// a missing shard from a complete set. An unsharded run writes none.
/// </summary>
public sealed record ShardRecord(string Shard, int WholeSelection)
{
    public const string FileName = "shard.json";

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public void Write(string reportDirectory) =>
        File.WriteAllText(Path.Combine(reportDirectory, FileName), JsonSerializer.Serialize(this, Options) + "\n");

    /// <summary>The folder's shard record, or null when the run was not sharded.</summary>
    public static ShardRecord? Read(string reportDirectory)
    {
        var path = Path.Combine(reportDirectory, FileName);
        return File.Exists(path) ? JsonSerializer.Deserialize<ShardRecord>(File.ReadAllText(path), Options) : null;
    }
}
