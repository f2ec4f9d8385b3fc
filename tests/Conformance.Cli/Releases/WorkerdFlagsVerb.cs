using Conformance.Harness.Releases;
using Conformance.Harness.Targets.Versions;

namespace Conformance.Cli.Releases;

/// <summary>
/// `workerd-flags` (issue 22, item 3; docs/releases.md, "Moving the workerd pin"): what two workerd releases' binaries say about their
/// compatibility flags (<see cref="WorkerdFlags"/>), to find which flag or date governs a scenario that changed with a release.
/// A release is a version (installed into the runtime cache as workerd@&lt;version&gt;) or a path to a workerd binary.
/// </summary>
internal static class WorkerdFlagsVerb
{
    public const string Usage = "workerd-flags [--from <version or binary>] --to <version or binary>";

    public static async Task<int> RunAsync(string[] args, Func<string, int> fail)
    {
        if (Options.Parse(args, ["--from", "--to"], [], out var problem) is not { } o || o.Value("--to") is not { } to)
            return fail($"workerd-flags: {problem ?? "give --to"}\nusage: {Usage}");
        var cache = VersionedTargets.DefaultCache();
        var newer = await ReadAsync(to, cache);
        if (newer.Problem is not null) return fail($"workerd-flags: {newer.Problem}");
        if (o.Value("--from") is not { } from)
        {
            foreach (var flag in newer.Flags!.Dated) Console.WriteLine($"{flag.Name}\t{flag.DisableName}\t{flag.Date}");
            foreach (var read in newer.Flags.Reads) Console.WriteLine($"read by JavaScript: {read.Flag} in {read.Module ?? "(module not known)"}");
            return 0;
        }
        var older = await ReadAsync(from, cache);
        if (older.Problem is not null) return fail($"workerd-flags: {older.Problem}");
        var lines = WorkerdFlags.Compare(older.Flags!, newer.Flags!, from, to).ToList();
        static int ReadCount(WorkerdFlags flags) => flags.Reads.Select(r => r.Flag).Distinct().Count();
        Console.WriteLine($"workerd-flags: {from}: {older.Flags!.Dated.Count} date-gated flags, {ReadCount(older.Flags)} read by its JavaScript; " +
            $"{to}: {newer.Flags!.Dated.Count}, {ReadCount(newer.Flags!)}");
        foreach (var line in lines) Console.WriteLine(line);
        if (lines.Count == 0) Console.WriteLine("no flag added, removed, re-dated or newly read by JavaScript");
        return 0;
    }

    /// <summary>The flags of a release (installed into the runtime cache) or of a workerd binary at a path; else why not.</summary>
    internal static async Task<(WorkerdFlags? Flags, string? Problem)> ReadAsync(string release, RuntimeCache cache)
    {
        if (File.Exists(release)) return (WorkerdFlags.FromStrings(WorkerdFlags.StringsOf(release)), null);
        if (RuntimeVersion.TryParse($"workerd@{release}", out var problem) is not { } version)
            return (null, $"\"{release}\" is neither a workerd binary nor a release: {problem}");
        var resolution = await cache.ResolveAsync(version, CancellationToken.None);
        if (resolution.Kind != ResolutionKind.Ready || resolution.Binary is null) return (null, resolution.Message);
        return (WorkerdFlags.FromStrings(WorkerdFlags.StringsOf(resolution.Binary)), null);
    }
}
