using System.Text.Json.Nodes;
using Conformance.Cli.Releases;
using Conformance.Harness.Compat;
using Conformance.Harness.Scenarios;
using Conformance.Harness.Targets.Versions;

namespace Conformance.Cli.Compat;

/// <summary>
/// <c>compat --out &lt;file&gt; [--as &lt;target&gt;=&lt;runtime&gt;@&lt;version&gt;]... &lt;report dir&gt;...</c> (issue 21, item 4): the
/// compatibility data in the browser-compat-data shape from the targets' report folders and history report folders
/// (docs/compat.md). Exit 0: written; 2: usage, or an input that is missing, empty, unreadable or of a target compat cannot
/// map to a runtime release; nothing is written then.
/// </summary>
public static class CompatVerb
{
    public const string Usage = "compat --out <file> [--as <target>=<runtime>@<version>]... <report dir, results.jsonl, or folder of report dirs>...";

    public static int Run(string[] args, Func<string, int> fail)
    {
        string? output = null;
        var aliases = new Dictionary<string, RuntimeVersion>(StringComparer.Ordinal);
        var inputs = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--out" or "--as" && i + 1 >= args.Length) return fail($"compat: {args[i]} needs a value\nusage: {Usage}");
            if (args[i] == "--out") output = args[++i];
            else if (args[i] == "--as")
            {
                if (CompatInputs.ParseAlias(args[++i], out var problem) is not { } alias) return fail($"compat: {problem}");
                aliases[alias.Target] = alias.Release;
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal)) return fail($"compat: unknown option \"{args[i]}\"\nusage: {Usage}");
            else inputs.Add(args[i]);
        }
        if (output is null || inputs.Count == 0) return fail($"compat: give --out and at least one report folder\nusage: {Usage}");

        var root = RepositoryRoot.Find();
        try
        {
            var runs = CompatInputs.Load(inputs, aliases, PinnedTargets.Read(root), line => Console.Error.WriteLine($"compat: {line}"));
            var entries = CompatData.Entries(root);
            var data = CompatData.Build(runs, entries);
            var path = Path.GetFullPath(output);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, CompatData.ToJson(data));
            foreach (var runtime in runs.GroupBy(r => r.Runtime))
                Console.WriteLine($"compat: {runtime.Key}: {string.Join(", ", runtime.Select(r => $"{r.Release.Version} ({r.Rows.Count} rows)"))}; "
                    + Tally(data, runtime.Key));
            Console.WriteLine($"compat: {path}: {entries.Count} entries (schema {CompatData.SchemaPath})");
            return 0;
        }
        catch (Exception error) when (error is InvalidDataException or IOException or UnauthorizedAccessException or FileNotFoundException)
        {
            return fail($"compat: {error.Message}");
        }
    }

    /// <summary>How many entries the runtime supports fully, partly, not at all, or has no data on.</summary>
    private static string Tally(JsonObject data, string runtime)
    {
        var statements = data["api"]![CompatData.Root]!.AsObject().SelectMany(g => g.Value!.AsObject())
            .Select(e => e.Value!["__compat"]!["support"]![runtime]).ToArray();
        var full = statements.Count(s => s is not null && s["version_added"]!.GetValueKind() == System.Text.Json.JsonValueKind.String && s["partial_implementation"] is null);
        var partial = statements.Count(s => s?["partial_implementation"] is not null);
        var none = statements.Count(s => s is not null && s["version_added"]!.GetValueKind() == System.Text.Json.JsonValueKind.False);
        return $"{full} full, {partial} partial, {none} none, {statements.Count(s => s is null)} without a scenario run";
    }
}
