using System.Globalization;
using Conformance.Harness.Execution.Dates;
using Conformance.Harness.Targets.Versions;

namespace Conformance.Harness.Releases;

/// <summary>
/// A bisect's range, <c>&lt;runtime&gt;@&lt;from&gt;..&lt;to&gt;</c> (e.g. <c>bun@1.0.0..1.4.5</c>): two exact npm releases of one runtime,
/// the older first. Every release npm publishes between them (pre-releases only when asked) is a candidate.
/// </summary>
public sealed record ReleaseRange(RuntimeFamily Family, string From, string To)
{
    public const string Separator = "..";

    public override string ToString() => $"{Family.Name}@{From}{Separator}{To}";

    /// <summary>Whether <paramref name="target"/> is written as a range at all.</summary>
    public static bool LooksLikeRange(string target) => target.Contains(Separator, StringComparison.Ordinal);

    /// <summary>The range, or null with <paramref name="problem"/> saying what is wrong with how it is written.</summary>
    public static ReleaseRange? TryParse(string text, out string? problem)
    {
        problem = null;
        var at = text.IndexOf('@');
        var dots = text.IndexOf(Separator, StringComparison.Ordinal);
        if (at < 0 || dots < 0 || dots < at)
        {
            problem = $"\"{text}\" is not a range of releases: write <runtime>@<from>..<to>, e.g. bun@1.0.0..1.4.5";
            return null;
        }
        var runtime = text[..at];
        var from = text[(at + 1)..dots];
        var to = text[(dots + Separator.Length)..];
        if (RuntimeVersion.TryParse($"{runtime}@{from}", out var fromProblem) is not { } start)
        {
            problem = $"\"{text}\": the start of the range: {fromProblem}";
            return null;
        }
        if (RuntimeVersion.TryParse($"{runtime}@{to}", out var toProblem) is null)
        {
            problem = $"\"{text}\": the end of the range: {toProblem}";
            return null;
        }
        var order = VersionOrder.Instance.Compare(from, to);
        if (order == 0)
        {
            problem = $"\"{text}\" is an empty range: it names one release; a bisect needs an older and a newer end";
            return null;
        }
        if (order > 0)
        {
            problem = $"\"{text}\" is reversed: {from} is newer than {to}; write {runtime}@{to}{Separator}{from}";
            return null;
        }
        return new ReleaseRange(start.Family, from, to);
    }

    /// <summary>
    /// The releases in the range, oldest first, from npm's list; null with <paramref name="problem"/> when an end is not
    /// published (naming the nearest versions npm offers) or fewer than two releases remain.
    /// </summary>
    public IReadOnlyList<string>? Select(IReadOnlyCollection<string> published, bool includePrereleases, out string? problem)
    {
        problem = null;
        foreach (var (end, which) in new[] { (From, "start"), (To, "end") })
        {
            if (published.Contains(end, StringComparer.Ordinal)) continue;
            var near = NearestVersions.Around(end, published.Where(v => includePrereleases || !IsPrerelease(v)));
            problem = $"npm has no {Family.Package}@{end} (the {which} of {this}); " +
                (near.Count == 0 ? "npm lists no version at all" : $"nearest versions npm offers: {string.Join(", ", near)}");
            return null;
        }
        var releases = published.Distinct(StringComparer.Ordinal)
            .Where(v => VersionOrder.Instance.Compare(v, From) >= 0 && VersionOrder.Instance.Compare(v, To) <= 0)
            .Where(v => includePrereleases || !IsPrerelease(v) || v == From || v == To)
            .OrderBy(v => v, VersionOrder.Instance)
            .ToList();
        if (releases.Count < 2)
        {
            problem = $"{this} holds {releases.Count} published release(s); a bisect needs two";
            return null;
        }
        return releases;
    }

    /// <summary>Every day from one date to a later one, for a bisect by compatibility date on one binary.</summary>
    public static IReadOnlyList<string>? Days(string text, out string? problem)
    {
        problem = null;
        var parts = text.Split(ReleaseRange.Separator);
        if (parts.Length != 2 || !parts.All(RunDates.IsDate))
        {
            problem = $"\"{text}\" is not a range of dates: write YYYY-MM-DD..YYYY-MM-DD";
            return null;
        }
        var (from, to) = (DateOnly.ParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture), DateOnly.ParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (from >= to)
        {
            problem = from == to ? $"\"{text}\" is an empty range of dates" : $"\"{text}\" is reversed: write {parts[1]}..{parts[0]}";
            return null;
        }
        return [.. Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(d => from.AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))];
    }

    public static bool IsPrerelease(string version) => version.Contains('-');
}
