using System.Globalization;
using System.Text.RegularExpressions;

namespace Conformance.Cli.Run;

/// <summary>
/// The options of a run, the one parser and checker of them (issue 21 item 1; issue 18 item 2): `run` of the packaged tool and
/// run-conformance.ps1 (which hands its parameters over as <c>-Name value</c>) both end here. An option is written
/// <c>--kebab-name</c> or <c>-PascalName</c>, any case; every message names it as the caller wrote it. A bad value or combination
/// is a <see cref="UsageException"/> (exit 2).
/// </summary>
public sealed partial class RunOptions
{
    public static readonly string[] KnownProfiles = ["documented", "caveat", "workerd-observed", "erratum"];

    private static readonly string[] Switches =
    [
        "accept", "allowunavailable", "updateexpectations", "nobuild", "detailed", "parallel", "nobatch", "bisect",
        "includeprereleases", "history", "watch", "noflagfinding",
    ];
    private static readonly string[] Lists = ["target", "profiles", "requirement", "compatibilityflags", "since"];
    private static readonly string[] Texts =
    [
        "filter", "acceptfrom", "shard", "reportdir", "timeout", "command", "parallelism", "repeat", "compatibilitydate",
        "runtimecache", "explore", "seed", "compat", "expectations", "suite",
    ];

    private readonly Dictionary<string, string> _shown = new(StringComparer.Ordinal);
    private readonly HashSet<string> _switches = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Targets { get; private set; } = ["reference"];
    public IReadOnlyList<string> Profiles { get; private set; } = [];
    public IReadOnlyList<string> Requirements { get; private set; } = [];
    public IReadOnlyList<string> CompatibilityFlags { get; private set; } = [];
    public IReadOnlyList<string> Since { get; private set; } = [];
    public double Timeout { get; private set; }
    public int Parallelism { get; private set; }
    public int Repeat { get; private set; }
    public int Explore { get; private set; }
    public long Seed { get; private set; } = 1;

    /// <summary>Whether the options came as -PascalName (run-conformance.ps1's parameters) rather than --kebab-name.</summary>
    public bool ScriptStyle => _shown.Values.Any(w => !w.StartsWith("--", StringComparison.Ordinal));

    public bool Given(string key) => _switches.Contains(key) || _values.ContainsKey(key);
    public bool Switch(string key) => _switches.Contains(key);
    public string Text(string key) => _values.TryGetValue(key, out var v) ? v[^1] : "";
    public string Shown(string key) => _shown.TryGetValue(key, out var s) ? s : "--" + key;

    /// <summary>The run's mode other than the suite on its targets: explore (run-conformance.ps1's own), bisect, history, watch (Run/ReleaseModes.cs).</summary>
    public string? Mode =>
        Explore > 0 ? "explore" : Switch("bisect") ? "bisect" : Switch("history") ? "history" : Switch("watch") ? "watch" : null;

    /// <summary>The `dotnet test --filter` expression of the profiles, requirements and filter, ANDed.</summary>
    public string TestFilter
    {
        get
        {
            var parts = new List<string>();
            if (Profiles.Count > 0) parts.Add("(" + string.Join('|', Profiles.Select(p => $"Profile={p}")) + ")");
            if (Requirements.Count > 0) parts.Add("(" + string.Join('|', Requirements.Select(r => $"Requirement={r}")) + ")");
            if (Text("filter") is { Length: > 0 } f) parts.Add($"({f})");
            return string.Join('&', parts);
        }
    }

    public static RunOptions Parse(IReadOnlyList<string> args)
    {
        var o = new RunOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var written = args[i];
            if (!written.StartsWith('-')) throw new UsageException($"'{written}' is not an option (options start with --, e.g. --target reference)");
            var key = Key(written);
            o._shown[key] = written;
            if (Switches.Contains(key)) { o._switches.Add(key); continue; }
            if (!Lists.Contains(key) && !Texts.Contains(key)) throw new UsageException($"{written} is not an option of run (workers-als-conformance --help lists them)");
            if (i + 1 >= args.Count) throw new UsageException($"{written} needs a value");
            if (!o._values.TryGetValue(key, out var list)) o._values[key] = list = [];
            list.Add(args[++i]);
        }
        o.Check();
        return o;
    }

    /// <summary>"--accept-from", "-AcceptFrom" → "acceptfrom"; -Profile is -Profiles' alias.</summary>
    private static string Key(string written)
    {
        var key = written.TrimStart('-').Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
        return key == "profile" ? "profiles" : key;
    }

    private List<string> Split(string key) =>
        _values.TryGetValue(key, out var v) ? [.. v.SelectMany(s => s.Split(',')).Select(s => s.Trim()).Where(s => s.Length > 0)] : [];

    private static void Fail(string message) => throw new UsageException(message);

    private void Check()
    {
        foreach (var key in Lists)
        {
            if (_values.TryGetValue(key, out var given) && Split(key).Count == 0)
                Fail($"{Shown(key)} '{string.Join(',', given)}' names nothing: give at least one value, or leave the option out");
        }
        foreach (var key in new[] { "command", "filter", "shard", "reportdir", "compatibilitydate", "acceptfrom", "runtimecache", "expectations", "suite" })
        {
            if (_values.ContainsKey(key) && Text(key).Trim().Length == 0) Fail($"{Shown(key)} '{Text(key)}' is empty: give a value, or leave the option out");
        }
        var targets = _values.ContainsKey("target") ? Split("target") : ["reference"];
        if (Text("command") is { Length: > 0 } command)
        {
            if (!_values.ContainsKey("target")) targets = ["command"];
            targets = [.. targets.Select(t => t == "command" ? $"command:{command}" : t)];
        }
        var repeated = targets.GroupBy(t => t, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        if (repeated.Length > 0) Fail($"{Shown("target")} '{string.Join(',', _values["target"])}' names {string.Join(", ", repeated)} more than once");
        Targets = targets;
        Profiles = Split("profiles");
        Requirements = Split("requirement");
        CompatibilityFlags = Split("compatibilityflags");
        Since = Split("since");
        foreach (var r in Requirements)
        {
            if (!RequirementId().IsMatch(r)) Fail($"{Shown("requirement")} '{r}' is not a requirement id (e.g. ALS-RUN-3)");
        }
        Timeout = Number("timeout", 0.001, 3600, "seconds per scenario", whole: false);
        Parallelism = (int)Number("parallelism", 1, 256, "scenarios at once", whole: true);
        Repeat = (int)Number("repeat", 2, 1000, "a number of runs", whole: true);
        Explore = (int)Number("explore", 1, 1000000, "a number of programs", whole: true);
        if (_values.ContainsKey("seed"))
        {
            if (!long.TryParse(Text("seed").Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seed))
                Fail($"{Shown("seed")} '{Text("seed")}' is not a whole number");
            Seed = seed;
        }
        RunOptionRules.Check(this);
    }

    // Each number's range: below it is meaningless, above it is a typo (an hour per scenario, a thousand repeats). 0: not given.
    private double Number(string key, double low, double high, string what, bool whole)
    {
        if (!_values.ContainsKey(key)) return 0;
        var text = Text(key).Trim();
        var style = whole ? NumberStyles.AllowLeadingSign : NumberStyles.Float;
        if (!double.TryParse(text, style, CultureInfo.InvariantCulture, out var value))
            Fail($"{Shown(key)} '{Text(key)}' is not a{(whole ? " whole" : "")} number: it takes {what}");
        if (!(value >= low && value <= high))
            Fail($"{Shown(key)} {Text(key)}: takes {what}, {(key == "timeout" ? "more than 0" : $"at least {low}")} and at most {high}");
        return value;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]*(-[A-Za-z0-9]+)+$")]
    private static partial Regex RequirementId();
}

/// <summary>A usage error: exit code 2, the message names the option.</summary>
public sealed class UsageException(string message) : Exception(message);
