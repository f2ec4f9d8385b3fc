using System.Text;
using System.Text.RegularExpressions;

namespace Conformance.Harness.Releases;

/// <summary>A date-gated compatibility flag as a workerd binary's compiled schema holds it: enable flag, disable flag, enable date.</summary>
public sealed record DatedFlag(string Name, string DisableName, string Date);

/// <summary>A flag the binary's bundled JavaScript reads (<c>compatFlags['x']</c>), and the module it is read in when that can be told.</summary>
public sealed record FlagRead(string Flag, string? Module);

/// <summary>
/// What a workerd binary says about its compatibility flags, read from its printable strings (issue 22, item 3: "ask the binary",
/// as docs/releases.md found spec_compliant_dispatch_exceptions and set_event_target_this): the date-gated flags of its compiled
/// compatibility-date.capnp (each written as enable flag, disable flag, date, in that order), and the flags its bundled
/// JavaScript reads. Between two releases, a flag the JavaScript newly reads is the first suspect for a behaviour that changed
/// at a date where both releases have the flag on.
/// </summary>
public sealed partial class WorkerdFlags(IReadOnlyList<DatedFlag> dated, IReadOnlyList<FlagRead> reads)
{
    public IReadOnlyList<DatedFlag> Dated { get; } = dated;
    public IReadOnlyList<FlagRead> Reads { get; } = reads;

    [GeneratedRegex(@"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    private static partial Regex FlagName();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex Date();

    [GeneratedRegex(@"compatFlags\['([a-z0-9_]+)'\]")]
    private static partial Regex JavaScriptRead();

    /// <summary>A bundled module's name as the binary stores it before its source (<c>events/event-target-internals</c>).</summary>
    [GeneratedRegex(@"^[a-z][a-z0-9_-]*(/[a-z0-9_-]+)+$")]
    private static partial Regex ModuleName();

    /// <summary>The flags of one binary's strings (as <c>strings -n 3</c> lists them: runs of printable characters, in file order).</summary>
    public static WorkerdFlags FromStrings(IReadOnlyList<string> strings)
    {
        var dated = new Dictionary<string, DatedFlag>(StringComparer.Ordinal);
        for (var i = 0; i + 2 < strings.Count; i++)
        {
            if (FlagName().IsMatch(strings[i]) && FlagName().IsMatch(strings[i + 1]) && Date().IsMatch(strings[i + 2]))
                dated.TryAdd(strings[i], new DatedFlag(strings[i], strings[i + 1], strings[i + 2]));
        }
        var reads = new HashSet<FlagRead>();
        string? module = null;
        foreach (var line in strings)
        {
            if (ModuleName().IsMatch(line)) module = line;
            foreach (Match read in JavaScriptRead().Matches(line)) reads.Add(new FlagRead(read.Groups[1].Value, module));
        }
        return new WorkerdFlags([.. dated.Values.OrderBy(f => f.Name, StringComparer.Ordinal)],
            [.. reads.OrderBy(r => r.Flag, StringComparer.Ordinal).ThenBy(r => r.Module, StringComparer.Ordinal)]);
    }

    /// <summary>The printable runs of at least <paramref name="minimum"/> characters of a binary file, as <c>strings</c> gives them.</summary>
    public static IReadOnlyList<string> StringsOf(string binaryPath, int minimum = 3)
    {
        var runs = new List<string>();
        var current = new StringBuilder();
        using var stream = new BufferedStream(File.OpenRead(binaryPath), 1 << 20);
        int b;
        while ((b = stream.ReadByte()) >= 0)
        {
            if (b is >= 0x20 and < 0x7f or '\t') { current.Append((char)b); continue; }
            if (current.Length >= minimum) runs.Add(current.ToString());
            current.Clear();
        }
        if (current.Length >= minimum) runs.Add(current.ToString());
        return runs;
    }

    /// <summary>What changed from <paramref name="older"/> to <paramref name="newer"/>: flags added, removed or re-dated, and flags the JavaScript newly reads.</summary>
    public static IEnumerable<string> Compare(WorkerdFlags older, WorkerdFlags newer, string olderName, string newerName)
    {
        var before = older.Dated.ToDictionary(f => f.Name, StringComparer.Ordinal);
        var after = newer.Dated.ToDictionary(f => f.Name, StringComparer.Ordinal);
        foreach (var flag in newer.Dated.Where(f => !before.ContainsKey(f.Name)))
            yield return $"new date-gated flag in {newerName}: {flag.Name} (on from {flag.Date}; off with {flag.DisableName})";
        foreach (var flag in older.Dated.Where(f => !after.ContainsKey(f.Name)))
            yield return $"date-gated flag gone in {newerName}: {flag.Name} (was on from {flag.Date})";
        foreach (var flag in newer.Dated.Where(f => before.TryGetValue(f.Name, out var was) && was.Date != f.Date))
            yield return $"date moved in {newerName}: {flag.Name} on from {flag.Date} (was {before[flag.Name].Date})";
        var readBefore = older.Reads.Select(r => r.Flag).ToHashSet(StringComparer.Ordinal);
        foreach (var group in newer.Reads.Where(r => !readBefore.Contains(r.Flag)).GroupBy(r => r.Flag))
        {
            var date = after.TryGetValue(group.Key, out var f) ? $"on from {f.Date}, off with {f.DisableName}" : "not date-gated";
            var modules = string.Join(", ", group.Select(r => r.Module ?? "(module not known)"));
            yield return $"newly read by the bundled JavaScript of {newerName}: {group.Key} ({date}), in {modules}";
        }
    }
}
