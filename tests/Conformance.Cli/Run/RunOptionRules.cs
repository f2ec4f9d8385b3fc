using System.Globalization;
using System.Text.RegularExpressions;

namespace Conformance.Cli.Run;

/// <summary>The checks of <see cref="RunOptions"/> that look at a value's form or at two options together (issue 18 item 2).</summary>
internal static partial class RunOptionRules
{
    public static void Check(RunOptions o)
    {
        if (o.Text("shard") is { Length: > 0 } shard && !IsShard(shard))
            Fail($"{o.Shown("shard")} '{shard}' is not a shard: write i/n with 1 <= i <= n <= 10000, e.g. 2/4");
        var bisect = o.Switch("bisect");
        if (o.Text("compatibilitydate") is { Length: > 0 } date)
        {
            var ends = date.Split("..", 2);
            var form = bisect ? "YYYY-MM-DD (with -Bisect also YYYY-MM-DD..YYYY-MM-DD)" : "YYYY-MM-DD";
            if ((ends.Length == 2 && !bisect) || ends.Any(e => !IsDate(e)))
                Fail($"{o.Shown("compatibilitydate")} '{date}' is not a date: it takes a calendar date written {form}");
            if (ends.Length == 2 && string.CompareOrdinal(ends[0], ends[1]) > 0) Fail($"{o.Shown("compatibilitydate")} '{date}': the range ends before it starts");
        }
        foreach (var flag in o.CompatibilityFlags)
        {
            if (!FlagName().IsMatch(flag)) Fail($"{o.Shown("compatibilityflags")} '{flag}' is not a compatibility flag name (lower case, digits and '_')");
        }
        if (o.Given("acceptfrom") && !o.Switch("accept")) Fail($"{o.Shown("acceptfrom")} '{o.Text("acceptfrom")}' goes with {Name(o, "accept")}");
        if (o.Targets.Contains("command")) Fail($"the command target needs {Name(o, "command")} \"<template>\"");
        foreach (var p in o.Profiles)
        {
            if (!RunOptions.KnownProfiles.Contains(p)) Fail($"unknown profile '{p}'; profiles: {string.Join(", ", RunOptions.KnownProfiles)}");
        }
        var repeat = o.Repeat >= 2;
        if (repeat && o.Switch("updateexpectations"))
            Fail($"{Name(o, "updateexpectations")} cannot be combined with {Name(o, "repeat")} (a list is re-pinned from one reviewed run)");
        if (repeat && o.Switch("accept")) Fail($"{Name(o, "accept")} cannot be combined with {Name(o, "repeat")} (a verified snapshot is written once, from a reviewed run)");
        if (o.Switch("parallel"))
        {
            var why = new (string Key, bool On, string Why)[]
            {
                ("accept", o.Switch("accept"), "accepting writes the shared verified snapshots and provenance manifest, one target at a time"),
                ("updateexpectations", o.Switch("updateexpectations"), "re-pinning writes the known-failure lists from one reviewed run per target"),
                ("repeat", repeat, "repeated runs are timed one target at a time"),
                ("detailed", o.Switch("detailed"), "several targets' full dotnet test output would interleave"),
            };
            foreach (var (key, on, reason) in why)
            {
                if (on) Fail($"{Name(o, "parallel")} cannot be combined with {Name(o, key)}: {reason}. Run without {Name(o, "parallel")}.");
            }
        }
        if ((o.Since.Count > 0 || o.Switch("noflagfinding")) && !o.Switch("watch")) Fail($"{Name(o, "since")} and {Name(o, "noflagfinding")} go with {Name(o, "watch")}");
        if (o.Switch("includeprereleases") && !bisect) Fail($"{Name(o, "includeprereleases")} goes with {Name(o, "bisect")}");
        foreach (var mode in new[] { "bisect", "history" })
        {
            if (!o.Switch(mode)) continue;
            foreach (var (other, on) in new[] { ("accept", o.Switch("accept")), ("updateexpectations", o.Switch("updateexpectations")), ("repeat", repeat),
                ("parallel", o.Switch("parallel")), ("explore", o.Explore > 0) })
            {
                if (on) Fail($"{Name(o, mode)} cannot be combined with {Name(o, other)}");
            }
        }
        if (bisect && o.Switch("history")) Fail($"{Name(o, "bisect")} cannot be combined with {Name(o, "history")}");
        if (o.Given("expectations"))
        {
            if (o.Targets.Count != 1) Fail($"{o.Shown("expectations")} names one target's known-failure list: give one target");
            var list = Path.GetFullPath(o.Text("expectations"));
            if (!File.Exists(list) && !o.Switch("updateexpectations"))
                Fail($"{o.Shown("expectations")} '{o.Text("expectations")}': no such file ({list}); {Name(o, "updateexpectations")} writes a new one");
        }
    }

    /// <summary>An option's name in the caller's style: as written when given, else -Name from the script, else --name.</summary>
    public static string Name(RunOptions o, string key) =>
        o.Given(key) ? o.Shown(key)
        : o.ScriptStyle ? "-" + ScriptNames.GetValueOrDefault(key, key)
        : "--" + KebabNames.GetValueOrDefault(key, key);

    private static readonly Dictionary<string, string> ScriptNames = new()
    {
        ["accept"] = "Accept", ["updateexpectations"] = "UpdateExpectations", ["repeat"] = "Repeat", ["parallel"] = "Parallel", ["detailed"] = "Detailed",
        ["since"] = "Since", ["noflagfinding"] = "NoFlagFinding", ["watch"] = "Watch", ["includeprereleases"] = "IncludePrereleases", ["bisect"] = "Bisect",
        ["history"] = "History", ["explore"] = "Explore", ["command"] = "Command", ["allowunavailable"] = "AllowUnavailable", ["filter"] = "Filter",
        ["target"] = "Target", ["compatibilitydate"] = "CompatibilityDate", ["profiles"] = "Profile", ["requirement"] = "Requirement",
    };

    private static readonly Dictionary<string, string> KebabNames = new()
    {
        ["updateexpectations"] = "update-expectations", ["noflagfinding"] = "no-flag-finding", ["includeprereleases"] = "include-prereleases", ["allowunavailable"] = "allow-unavailable",
        ["compatibilitydate"] = "compatibility-date", ["profiles"] = "profile",
    };

    private static bool IsShard(string text)
    {
        var m = ShardForm().Match(text);
        if (!m.Success) return false;
        var i = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var n = double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        return n >= 1 && i >= 1 && i <= n && n <= 10000;
    }

    private static bool IsDate(string text) =>
        DateForm().IsMatch(text) && DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static void Fail(string message) => throw new UsageException(message);

    [GeneratedRegex(@"^\s*(\d+)\s*/\s*(\d+)\s*$")]
    private static partial Regex ShardForm();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex DateForm();

    [GeneratedRegex("^[a-z0-9_]+$")]
    private static partial Regex FlagName();
}
