using Conformance.Harness.Execution;
using Conformance.Harness.Reports;
using Conformance.Harness.Snapshots;

namespace Conformance.Cli.Merge;

/// <summary>
/// <c>merge --out &lt;dir&gt; &lt;shard report dir&gt;...</c> (issue 21, item 2): the shard report folders of one or many targets,
/// each target's shards checked and joined into &lt;dir&gt;/&lt;target&gt;/ (results.jsonl, summary.md, selected.txt,
/// selection.txt, run-end.json, received/ files), then the site over the merged folders into &lt;dir&gt;. Any fault (a shard
/// missing or unfinished, two shards disagreeing on a row, two targets' folders mixed up) is one precise message, exit 2,
/// and nothing is written. The Cucumber HTML report (living-documentation.html) of a shard is not joined.
/// </summary>
public static class MergeVerb
{
    public const string Usage = "usage: Conformance.Cli merge --out <dir> <shard report dir>...";

    public static int Run(string[] args, Func<string, int> fail)
    {
        string? output = null;
        var inputs = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--out" && i + 1 < args.Length) output = args[++i];
            else if (args[i].StartsWith("--", StringComparison.Ordinal)) return fail($"merge: bad option {args[i]}\n{Usage}");
            else inputs.Add(args[i]);
        }
        if (output is null || inputs.Count == 0) return fail(Usage);

        IReadOnlyList<TargetMerge> merges;
        try
        {
            var outFull = Path.GetFullPath(output);
            foreach (var input in inputs)
            {
                var full = Path.GetFullPath(input);
                if (outFull == full || outFull.StartsWith(full + Path.DirectorySeparatorChar) || full.StartsWith(outFull + Path.DirectorySeparatorChar))
                    throw new InvalidDataException($"--out {output} and the shard folder {input} overlap: the merge would write over its own input");
            }
            var shards = inputs.Select(ShardFolder.Read).ToArray();
            var root = Conformance.Harness.Scenarios.RepositoryRoot.Find();
            var catalog = Conformance.Harness.Features.FeatureCatalog.Load(Path.Combine(root, "features"),
                Conformance.Harness.Requirements.RequirementCatalog.Load(root).IdSet);
            merges = [.. shards.GroupBy(s => s.Target, StringComparer.Ordinal).Select(g => TargetMerge.Of(g.Key, [.. g], catalog.IndexOf))];
            var clash = merges.GroupBy(m => FolderOf(m.Target), StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (clash is not null)
                throw new InvalidDataException($"targets {string.Join(" and ", clash.Select(m => m.Target))} would share the folder {clash.Key}: merge them separately");
        }
        catch (Exception error) when (error is IOException or InvalidDataException or UnauthorizedAccessException or System.Text.Json.JsonException or FormatException)
        {
            return fail($"merge: {error.Message}");
        }

        var folders = new List<string>();
        foreach (var merge in merges)
        {
            var folder = Path.Combine(output, FolderOf(merge.Target));
            Write(merge, folder);
            folders.Add(folder);
            Console.WriteLine($"merge: {merge.Target}: {merge.Rows.Count} row(s) from {merge.Shards.Count} shard(s) into {folder}");
        }
        return Site.SiteVerb.Run(["--out", output, .. folders], fail);
    }

    private static string FolderOf(string target) => ConformanceSettings.FileSafe(target.Split(':', 2)[0]);

    private static void Write(TargetMerge merge, string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, ResultsJournal.FileName), string.Concat(merge.Rows.Select(r => r.ToJsonLine() + "\n")));
        var selection = merge.Shards.SelectMany(s => ReadLines(Path.Combine(s.Path, ResultsJournal.SelectionFileName))).ToArray();
        File.WriteAllText(Path.Combine(folder, ResultsJournal.SelectionFileName), string.Concat(selection.Select(k => k + "\n")));
        File.WriteAllText(Path.Combine(folder, ResultsJournal.SelectedFileName), $"{merge.Shards.Sum(s => s.Selected)}\n");
        foreach (var shard in merge.Shards) CopyTree(Path.Combine(shard.Path, SnapshotStore.ReceivedFolder), Path.Combine(folder, SnapshotStore.ReceivedFolder));
        File.WriteAllText(Path.Combine(folder, RequirementSummary.FileName), RequirementSummary.Render(merge.Target, merge.Rows, merge.Notices));
        File.Delete(Path.Combine(folder, ShardRecord.FileName));
        new RunEnd(merge.Target, Cancelled: false, merge.Failures).Write(folder);
    }

    private static IEnumerable<string> ReadLines(string path) => File.Exists(path) ? File.ReadLines(path).Where(l => l.Length > 0) : [];

    private static void CopyTree(string from, string to)
    {
        if (!Directory.Exists(from)) return;
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
