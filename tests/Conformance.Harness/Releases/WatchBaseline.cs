using Conformance.Harness.Targets.Versions;

namespace Conformance.Harness.Releases;

/// <summary>
/// A release the watch compares with instead of the pin's known-failure list (issue 22: "what changed between these two
/// releases"), written <c>&lt;runtime&gt;@&lt;baseline&gt;</c> (against the newest release of its line) or
/// <c>&lt;runtime&gt;@&lt;baseline&gt;..&lt;release&gt;</c> (against that release): <c>workerd@1.20261117.1</c>,
/// <c>bun@1.4.4..1.4.5</c>, <c>node@26.10.0</c>. It belongs to the pinned target of its line (<see cref="PinnedTargets.LineOf"/>).
/// </summary>
public sealed record WatchBaseline(PinnedTarget Pin, RuntimeVersion Baseline, string? Release)
{
    /// <summary>The baseline of each <c>--since</c> value (comma-separated lists allowed), or null with what is wrong.</summary>
    public static IReadOnlyList<WatchBaseline>? Parse(IEnumerable<string> values, IReadOnlyList<PinnedTarget> pins, out string? problem)
    {
        problem = null;
        var baselines = new List<WatchBaseline>();
        foreach (var text in values.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            RuntimeVersion? baseline;
            string? release = null;
            if (ReleaseRange.LooksLikeRange(text))
            {
                if (ReleaseRange.TryParse(text, out var rangeProblem) is not { } range) { problem = $"--since {rangeProblem}"; return null; }
                baseline = new RuntimeVersion(range.Family, range.From);
                release = range.To;
            }
            else if ((baseline = RuntimeVersion.TryParse(text, out var versionProblem)) is null)
            {
                problem = $"--since \"{text}\": write <runtime>@<release> or <runtime>@<release>..<newer release>: {versionProblem}";
                return null;
            }
            if (PinnedTargets.LineOf(baseline, pins) is not { } pin)
            {
                problem = $"--since \"{text}\": no pinned target is of its line (the pinned targets: " +
                    string.Join(", ", pins.Select(p => p.Version.TargetName)) + ")";
                return null;
            }
            if (baselines.FirstOrDefault(b => b.Pin.Name == pin.Name) is { } twice)
            {
                problem = $"--since names two baselines for {pin.Name}: {twice.Baseline.TargetName} and {text}";
                return null;
            }
            if (release is not null && pin.Version.Family.HasMajorLines && PinnedTargets.Major(release) != PinnedTargets.Major(baseline.Version))
            {
                problem = $"--since \"{text}\": both releases must be of one line (major {PinnedTargets.Major(baseline.Version)})";
                return null;
            }
            baselines.Add(new WatchBaseline(pin, baseline, release));
        }
        return baselines;
    }

    /// <summary>The release to compare with the baseline: the one named, else the newest published of the baseline's line newer than it.</summary>
    public string? ReleaseFrom(IEnumerable<string> published) =>
        Release ?? ReleaseWatch.NewerOfLine(Pin with { Version = Baseline }, published) switch { { Count: > 0 } newer => newer[^1], _ => null };
}
