using Conformance.Harness.Reports;
using Conformance.Harness.Scenarios;

namespace Conformance.Cli.Site;

/// <summary><c>site --out &lt;dir&gt; &lt;report dir&gt;...</c>: the living-documentation site over the given targets' report folders.</summary>
public static class SiteVerb
{
    public static int Run(string[] args, Func<string, int> fail)
    {
        string? output = null;
        var inputs = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--out" && i + 1 < args.Length) output = args[++i];
            else if (args[i].StartsWith("--", StringComparison.Ordinal)) return fail($"site: bad option {args[i]}");
            else inputs.Add(args[i]);
        }
        if (output is null || inputs.Count == 0) return fail("usage: Conformance.Cli site --out <dir> <report dir>...");
        var present = new List<string>();
        foreach (var input in inputs)
        {
            if (File.Exists(Path.Combine(input, ResultsJournal.FileName))) present.Add(input);
            else Console.Error.WriteLine($"site: no {ResultsJournal.FileName} in {input}: left out");
        }
        if (present.Count == 0) return fail("site: no results to show");
        try
        {
            var data = SiteData.Load(RepositoryRoot.Find(), present);
            foreach (var line in data.LeftOut) Console.Error.WriteLine($"site: {line}");
            if (data.Targets.Count == 0) return fail("site: no results to show");
            var index = SiteWriter.Write(data, output);
            Console.WriteLine($"site: {index} ({data.Targets.Count} target(s): {string.Join(", ", data.Targets.Select(t => t.Name))})");
            return 0;
        }
        catch (Exception error) when (error is IOException or InvalidDataException or UnauthorizedAccessException or System.Text.Json.JsonException or FormatException)
        {
            return fail($"site: {error.Message}");
        }
    }
}
