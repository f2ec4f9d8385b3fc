namespace Conformance.Harness.Execution.Dates;

/// <summary>A workerd compatibility flag that a compatibility date turns on, and from which date (spec/runtime-bridges.md).</summary>
public sealed record DateGatedFlag(string Name, string DefaultOnFrom, string RequirementId);

/// <summary>The date-gated flags whose state decides a scenario's expected trace; a scenario needing one says so with a tag.</summary>
public static class DateGatedFlags
{
    /// <summary>The tag prefix: <c>@needs-flag:&lt;flag&gt;</c> on a scenario that shows the behaviour the flag turns on.</summary>
    public const string TagPrefix = "needs-flag:";

    public static IReadOnlyList<DateGatedFlag> All { get; } =
    [
        new("bind_asynclocalstorage_snapshot_to_request", "2025-06-16", "OBS-REQUEST-BOUND-1"),
        new("unhandled_rejection_after_microtask_checkpoint", "2026-03-03", "OBS-REJECTION-TIMING-1"),
        // Found by bisecting the pinned binary by date (docs/releases.md): a throwing listener stops dispatchEvent before it.
        new("spec_compliant_dispatch_exceptions", "2026-09-15", "OBS-LISTENER-NOCAPTURE-1"),
    ];

    public static DateGatedFlag? Find(string name) => All.FirstOrDefault(f => f.Name == name);

    /// <summary>The flags a scenario's tags say it needs, and the tags that name a flag this table does not know (a feature problem).</summary>
    public static (IReadOnlyList<DateGatedFlag> Needed, IReadOnlyList<string> Unknown) FromTags(IEnumerable<string> tags)
    {
        var needed = new List<DateGatedFlag>();
        var unknown = new List<string>();
        foreach (var tag in tags.Select(t => t.TrimStart('@')).Where(t => t.StartsWith(TagPrefix, StringComparison.Ordinal)))
        {
            var name = tag[TagPrefix.Length..];
            if (Find(name) is { } flag) needed.Add(flag);
            else unknown.Add(tag);
        }
        return (needed, unknown);
    }
}
