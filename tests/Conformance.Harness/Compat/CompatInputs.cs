using System.Text.Json;
using Conformance.Harness.Reports;
using Conformance.Harness.Targets.Process;
using Conformance.Harness.Targets.Versions;

namespace Conformance.Harness.Compat;

/// <summary>
/// The report folders compat reads (issue 21, item 4): a target's report folder (results.jsonl in it), a results.jsonl itself,
/// or a folder of report folders (reports/history/, one per release, as the history verb writes them). Each folder's target is
/// mapped to a runtime release by docs/compat.md's rule: a pinned target by targets/package.json, <c>&lt;runtime&gt;@&lt;version&gt;</c>
/// as named, any target (a command target) by an <c>--as target=runtime@version</c>; the reference is the suite's model, not
/// a runtime, and is left out. Every other problem is an <see cref="InvalidDataException"/> naming the input.
/// </summary>
public static class CompatInputs
{
    public const string Reference = "reference";

    /// <param name="aliases">target name → release, from <c>--as</c>.</param>
    /// <param name="leftOut">told each folder left out and why.</param>
    public static IReadOnlyList<CompatRun> Load(IReadOnlyList<string> inputs, IReadOnlyDictionary<string, RuntimeVersion> aliases,
        IReadOnlyList<PinnedTarget> pins, Action<string> leftOut)
    {
        var runs = new List<CompatRun>();
        foreach (var input in inputs)
            foreach (var file in ResultsFiles(input))
                if (RunOf(file, aliases, pins, leftOut) is { } run) runs.Add(run);
        if (runs.Count == 0)
            throw new InvalidDataException($"no runtime's results in {string.Join(", ", inputs)}: the reference is the suite's model, not a runtime (docs/compat.md)");
        return CompatRun.Join(runs);
    }

    private static IReadOnlyList<string> ResultsFiles(string input)
    {
        if (File.Exists(input)) return [input];
        if (!Directory.Exists(input)) throw new InvalidDataException($"{input}: no such folder or file");
        var own = Path.Combine(input, ResultsJournal.FileName);
        if (File.Exists(own)) return [own];
        var nested = Directory.GetDirectories(input).Order(StringComparer.Ordinal)
            .Select(d => Path.Combine(d, ResultsJournal.FileName)).Where(File.Exists).ToArray();
        return nested.Length > 0 ? nested
            : throw new InvalidDataException($"{input}: no {ResultsJournal.FileName} in it or in a folder of it (give a target's report folder, or a folder of them such as reports/history)");
    }

    private static CompatRun? RunOf(string file, IReadOnlyDictionary<string, RuntimeVersion> aliases, IReadOnlyList<PinnedTarget> pins, Action<string> leftOut)
    {
        IReadOnlyList<ScenarioResult> rows;
        try { rows = ScenarioResult.ReadAll(file); }
        catch (Exception error) when (error is JsonException or FormatException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"{file}: unreadable: {error.Message}", error);
        }
        if (rows.Count == 0) throw new InvalidDataException($"{file}: no results (the run wrote no row)");
        var targets = rows.Select(r => r.Target).Distinct(StringComparer.Ordinal).ToArray();
        if (targets.Length > 1) throw new InvalidDataException($"{file}: rows of several targets ({string.Join(", ", targets)}): give one report folder per target");
        var target = targets[0];
        if (aliases.TryGetValue(target, out var aliased)) return new CompatRun(aliased, [file], rows);
        if (target == Reference)
        {
            leftOut($"{file}: the reference is the suite's model, not a runtime: left out");
            return null;
        }
        if (rows.All(r => r.Verdict == "Unavailable")) throw new InvalidDataException($"{file}: {target} was unavailable in that run: no results");
        return new CompatRun(ReleaseOf(target, file, pins), [file], rows);
    }

    private static RuntimeVersion ReleaseOf(string target, string file, IReadOnlyList<PinnedTarget> pins)
    {
        if (pins.FirstOrDefault(p => p.Name == target) is { } pin) return pin.Version;
        if (RuntimeVersion.LooksVersioned(target))
            return RuntimeVersion.TryParse(target, out var problem) ?? throw new InvalidDataException($"{file}: target {problem}");
        var how = target.StartsWith(CommandTarget.Prefix, StringComparison.Ordinal) || target == NodeStyleTarget.SystemNodeName
            ? $"say which release it ran with --as '{target}=<runtime>@<version>'"
            : $"compat knows the pinned targets ({string.Join(", ", pins.Select(p => p.Name))}), <runtime>@<version> "
              + $"({string.Join(", ", RuntimeFamily.All.Select(f => f.Name))}), and targets named with --as";
        throw new InvalidDataException($"{file}: target \"{target}\" is not a runtime release compat knows: {how}");
    }

    /// <summary>An <c>--as</c> value, <c>target=runtime@version</c>; null with the problem otherwise.</summary>
    public static (string Target, RuntimeVersion Release)? ParseAlias(string text, out string? problem)
    {
        problem = null;
        var equals = text.LastIndexOf('=');
        if (equals <= 0 || equals == text.Length - 1) { problem = $"--as \"{text}\": write <target>=<runtime>@<version>, e.g. 'command:/opt/bun {{node-host}}=bun@1.4.5'"; return null; }
        if (RuntimeVersion.TryParse(text[(equals + 1)..], out var versionProblem) is not { } release) { problem = $"--as \"{text}\": {versionProblem}"; return null; }
        return (text[..equals], release);
    }
}
