using System.Globalization;
using Conformance.Harness.Scenarios;

namespace Conformance.Harness.Execution;

/// <summary>
/// Every setting of a conformance run, read from environment variables (run-conformance.ps1 sets them):
/// <list type="table">
/// <item><term>CONFORMANCE_TARGET</term><description>target name (default <c>reference</c>); other names go to ProcessTargets.</description></item>
/// <item><term>CONFORMANCE_ACCEPT</term><description><c>1</c>/<c>true</c>: write verified snapshots for mismatched or missing scenarios whose run completed.</description></item>
/// <item><term>CONFORMANCE_ACCEPT_FROM</term><description>a target name other than workerd that accept may write snapshots from
/// (snapshots are what workerd prints; accepting from another target is a run problem unless this names it).</description></item>
/// <item><term>CONFORMANCE_REPORT_DIR</term><description>report folder (default <c>reports/&lt;target&gt;</c>; relative paths are under the repository root).</description></item>
/// <item><term>CONFORMANCE_SHARD</term><description><c>i/n</c>: run only shard i of n; other rows are skipped.</description></item>
/// <item><term>CONFORMANCE_TIMEOUT_SECONDS</term><description>time limit per scenario (default 30).</description></item>
/// <item><term>CONFORMANCE_FEATURES</term><description>features root (default <c>features</c> under the repository root).</description></item>
/// <item><term>CONFORMANCE_PARALLELISM</term><description>upper bound on scenarios run at once (default: the target's MaxParallelism).</description></item>
/// <item><term>CONFORMANCE_EXPECTATIONS</term><description>known-failure list (default <c>targets/expectations/&lt;target&gt;.txt</c>).</description></item>
/// <item><term>CONFORMANCE_ALLOW_UNAVAILABLE</term><description><c>1</c>/<c>true</c>: a target that cannot run here (missing binary, failing probe) only skips its rows; without it every row fails, since nothing that did not run passes.</description></item>
/// <item><term>CONFORMANCE_UPDATE_EXPECTATIONS</term><description><c>1</c>/<c>true</c>: rewrite the known-failure list from this run (ExpectationUpdater): only the scenarios the run judged are touched.</description></item>
/// <item><term>CONFORMANCE_COMPATIBILITY_DATE</term><description><c>YYYY-MM-DD</c>: the date of scenarios that name none, and the newest
/// date the run applies to (spec/runtime-bridges.md, "Compatibility dates"); on workerd clamped to the binary's newest.</description></item>
/// <item><term>CONFORMANCE_COMPATIBILITY_FLAGS</term><description>workerd compatibility flags added by name, comma separated (the reference honours the same).</description></item>
/// <item><term>CONFORMANCE_RUNTIME_CACHE</term><description>where versioned targets (<c>bun@1.3.14</c>) are installed (default ~/.cache/workers-als-conformance).</description></item>
/// <item><term>CONFORMANCE_NO_BATCH</term><description><c>1</c>/<c>true</c>: run every program in a process of its own, even on a target that batches (TF-1b).</description></item>
/// </list>
/// A versioned target <c>&lt;runtime&gt;@&lt;version&gt;</c> is judged by targets/expectations/&lt;runtime&gt;@&lt;version&gt;.txt when it exists,
/// else by the list of the pinned target of its line, else by the runtime's own list matched by id and status only (<see cref="SelectList"/>).
/// A malformed value is not fatal here: it is listed in <see cref="Problems"/> and every row fails with it.
/// </summary>
public sealed record ConformanceSettings
{
    public const string TargetVariable = "CONFORMANCE_TARGET";
    public const string AcceptVariable = "CONFORMANCE_ACCEPT";
    public const string AcceptFromVariable = "CONFORMANCE_ACCEPT_FROM";
    public const string ReportDirVariable = "CONFORMANCE_REPORT_DIR";
    public const string ShardVariable = "CONFORMANCE_SHARD";
    public const string TimeoutVariable = "CONFORMANCE_TIMEOUT_SECONDS";
    public const string FeaturesVariable = "CONFORMANCE_FEATURES";
    public const string ParallelismVariable = "CONFORMANCE_PARALLELISM";
    public const string ExpectationsVariable = "CONFORMANCE_EXPECTATIONS";
    public const string AllowUnavailableVariable = "CONFORMANCE_ALLOW_UNAVAILABLE";
    public const string UpdateExpectationsVariable = "CONFORMANCE_UPDATE_EXPECTATIONS";
    public const string CompatibilityDateVariable = "CONFORMANCE_COMPATIBILITY_DATE";
    public const string CompatibilityFlagsVariable = "CONFORMANCE_COMPATIBILITY_FLAGS";
    public const string NoBatchVariable = "CONFORMANCE_NO_BATCH";

    public const string DefaultTarget = "reference";
    /// <summary>The only target accept writes snapshots from without an override: the ground truth.</summary>
    public const string GroundTruthTarget = "workerd";
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public required string RepositoryRoot { get; init; }
    public required string TargetName { get; init; }
    public bool Accept { get; init; }
    public bool AllowUnavailable { get; init; }
    public bool UpdateExpectations { get; init; }
    /// <summary>One process per program even where the target batches (TF-1b).</summary>
    public bool NoBatch { get; init; }
    /// <summary>The non-workerd target the user explicitly allowed accept to write snapshots from, if any.</summary>
    public string? AcceptFrom { get; init; }
    public required string ReportDirectory { get; init; }
    public ShardSpec? Shard { get; init; }
    public TimeSpan Timeout { get; init; } = DefaultTimeout;
    public required string FeaturesRoot { get; init; }
    public int? MaxParallelism { get; init; }
    public required string ExpectationsFile { get; init; }
    public IReadOnlyList<string> Problems { get; init; } = [];
    /// <summary>Whether the list's pinned FAIL traces are this target's own (false: the runtime's list used for another version).</summary>
    public bool ExpectationsPinTraces { get; init; } = true;
    /// <summary>Which known-failure list the run uses and why, for the console and summary.md.</summary>
    public string ExpectationsNote { get; init; } = "";
    /// <summary>-CompatibilityDate, or null for each scenario's own default.</summary>
    public string? CompatibilityDate { get; init; }
    public IReadOnlyList<string> CompatibilityFlags { get; init; } = [];

    public static ConformanceSettings FromEnvironment(string? repositoryRoot = null) =>
        From(Environment.GetEnvironmentVariable, repositoryRoot ?? Scenarios.RepositoryRoot.Find());

    public static ConformanceSettings From(Func<string, string?> variable, string repositoryRoot)
    {
        var problems = new List<string>();
        string? Get(string name) => variable(name) is { Length: > 0 } value ? value.Trim() : null;
        string Under(string path) => Path.GetFullPath(Path.Combine(repositoryRoot, path));

        var target = Get(TargetVariable) ?? DefaultTarget;
        bool Flag(string name) => Get(name) is { } text && (text == "1" || text.Equals("true", StringComparison.OrdinalIgnoreCase));
        var accept = Flag(AcceptVariable);

        var acceptFrom = Get(AcceptFromVariable);
        if (accept && target != GroundTruthTarget && acceptFrom != target)
            problems.Add($"accept writes verified snapshots only from {GroundTruthTarget}, the ground truth, and this run's target is {target}. " +
                $"To write them from {target} anyway, say so: -AcceptFrom {target} (or {AcceptFromVariable}={target}); " +
                $"the provenance manifest (features/snapshots.provenance.tsv) will then name {target}.");

        ShardSpec? shard = null;
        if (Get(ShardVariable) is { } shardText)
        {
            try { shard = ShardSpec.Parse(shardText); }
            catch (FormatException error) { problems.Add($"{ShardVariable}: {error.Message}"); }
        }

        var timeout = DefaultTimeout;
        if (Get(TimeoutVariable) is { } timeoutText)
        {
            if (double.TryParse(timeoutText, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
                timeout = TimeSpan.FromSeconds(seconds);
            else
                problems.Add($"{TimeoutVariable}: \"{timeoutText}\" is not a positive number of seconds");
        }

        int? parallelism = null;
        if (Get(ParallelismVariable) is { } parallelText)
        {
            if (int.TryParse(parallelText, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1) parallelism = n;
            else problems.Add($"{ParallelismVariable}: \"{parallelText}\" is not a positive whole number");
        }

        string? date = Get(CompatibilityDateVariable);
        if (date is not null && !Dates.RunDates.IsDate(date))
        {
            problems.Add($"{CompatibilityDateVariable}: \"{date}\" is not a date written YYYY-MM-DD");
            date = null;
        }
        var flags = (Get(CompatibilityFlagsVariable) ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct().ToArray();
        foreach (var flag in flags.Where(f => !System.Text.RegularExpressions.Regex.IsMatch(f, "^[a-z0-9_]+$")))
            problems.Add($"{CompatibilityFlagsVariable}: \"{flag}\" is not a compatibility flag name (lower case, digits and '_')");

        // "command:<template>" files its reports and known failures under "command".
        var fileSafeTarget = FileSafe(target.Split(':', 2)[0]);
        var (expectations, pinTraces, note) = SelectList(Get(ExpectationsVariable), target, fileSafeTarget, Flag(UpdateExpectationsVariable), Under);
        return new ConformanceSettings
        {
            RepositoryRoot = repositoryRoot,
            TargetName = target,
            Accept = accept,
            AllowUnavailable = Flag(AllowUnavailableVariable),
            UpdateExpectations = Flag(UpdateExpectationsVariable),
            NoBatch = Flag(NoBatchVariable),
            AcceptFrom = acceptFrom,
            ReportDirectory = Under(Get(ReportDirVariable) ?? Path.Combine("reports", fileSafeTarget)),
            Shard = shard,
            Timeout = timeout,
            FeaturesRoot = Under(Get(FeaturesVariable) ?? "features"),
            MaxParallelism = parallelism,
            ExpectationsFile = expectations,
            ExpectationsPinTraces = pinTraces,
            ExpectationsNote = note,
            CompatibilityDate = date,
            CompatibilityFlags = flags,
            Problems = problems,
        };
    }

    /// <summary>
    /// The known-failure list (spec/runtime-bridges.md VT-3): the one named by CONFORMANCE_EXPECTATIONS; for <c>&lt;runtime&gt;@&lt;version&gt;</c>
    /// its own list when it exists (or is being written by an update), else the list of the pinned target of its line (issue 22,
    /// item 2: same major for node, deno and bun, the pinned workerd for workerd; targets/package.json), else the runtime's list; both
    /// matched by id and status only, since their pinned traces are another version's (a patch release may change a surface trace:
    /// node 26.12.1 drops JSUDPWRAP from asyncWrapProviders; the release watch shows such changes); otherwise targets/expectations/&lt;target&gt;.txt.
    /// </summary>
    public static (string Path, bool PinTraces, string Note) SelectList(string? chosen, string target, string fileSafeTarget, bool updating,
        Func<string, string> under)
    {
        string Relative(string name) => Path.Combine("targets", "expectations", name + ".txt");
        if (chosen is not null) return (under(chosen), true, $"known failures: {chosen} (chosen by {ExpectationsVariable})");
        var own = under(Relative(fileSafeTarget));
        if (Targets.Versions.RuntimeVersion.LooksVersioned(target) && Targets.Versions.RuntimeVersion.TryParse(target, out _) is { } version)
        {
            if (File.Exists(own) || updating)
                return (own, true, $"known failures: {Relative(fileSafeTarget)} (the list of {version.TargetName} itself)");
            var pins = Targets.Versions.PinnedTargets.Read(under("."));
            if (Targets.Versions.PinnedTargets.LineOf(version, pins) is { } pin && File.Exists(under(Relative(pin.Name))))
            {
                var line = version.Family.HasMajorLines ? $"{version.Family.Name} {Targets.Versions.PinnedTargets.Major(version.Version)}" : version.Family.Name;
                return (under(Relative(pin.Name)), false, $"known failures: {Relative(pin.Name)}, the list of {pin.Name} ({pin.Version.TargetName}, " +
                    $"the pinned {line}), matched by id and status only (no {Relative(fileSafeTarget)}; its pinned traces are {pin.Version.Version}'s)");
            }
            var runtime = under(Relative(version.Family.Name));
            return (runtime, false, $"known failures: {Relative(version.Family.Name)}, the {version.Family.Name} list, matched by id and status only " +
                $"(no {Relative(fileSafeTarget)} and no pinned target of its line; its pinned traces are another version's and are not compared)");
        }
        return (own, true, $"known failures: {Relative(fileSafeTarget)}");
    }

    /// <summary>A target name as a file or folder name ("command:foo bar" → "command-foo-bar").</summary>
    public static string FileSafe(string name) =>
        string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '@' ? c : '-')).Trim('-') is { Length: > 0 } safe ? safe : "target";
}
