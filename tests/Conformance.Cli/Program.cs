using Conformance.Harness.Reports;
using Conformance.Harness.Scenarios;
using Conformance.Harness.Targets;
using Conformance.Harness.Targets.Process;
using Conformance.Harness.Targets.Versions;

// Report and target tools for run-conformance.ps1 (and for people):
//   requirement-table --out <dir> <report dir or results.jsonl>...
//                                                         merge targets' results into requirement-table.md and .html
//                                                         (requirement × target; not the propagation matrix)
//   targets                                               the target names `-Target all` runs, one per line
//   check <target>                                        exit 0: available; 3: unavailable (reason on stdout); 2: unknown name,
//                                                         or a version npm does not have (<runtime>@<version> installs it first)
//   repeatability [--out <file>] <run dir or results.jsonl>...
//                                                         compare repeated runs: every scenario whose status or trace changed;
//                                                         exit 0: none changed; 1: some changed; 2: usage or unreadable input
//   batches <target>                                      exit 0: the target runs many programs per process (IBatchingTarget,
//                                                         TF-1b); 1: one process per program; 2: unknown name
//   batching <batched report dir or results.jsonl> <one-per-process report dir or results.jsonl>
//                                                         whether batching is correct for a target (BatchComparison): every
//                                                         scenario whose status or trace differs between the two runs;
//                                                         exit 0: none differs; 1: some differ; 2: usage or unreadable input
//   skips [--environment <target>]... [--xunit-skipped N] <report dir or results.jsonl>...
//                                                         why each skipped row was skipped (SkipBreakdown): prints every
//                                                         unexplained skip on stderr, then "skipped: N known failures, N environment,
//                                                         N not-applicable"; exit 0: all explained; 1: some unexplained; 2: usage
//   progress [--interval S] (<pid> <target> <report dir>)...
//                                                         a line per target while its run goes (done/selected, unexpected, time)
//   console [--max-blocks N] <report dir or results.jsonl>...
//                                                         a block per unexpected result (diff, exit code, stderr), then a table
//   site --out <dir> <report dir>...                      the living-documentation site (index.html, site/) over the targets'
//                                                         report folders: spec, features and results joined (docs/living-documentation.md)
//   bisect (--range <runtime>@<from>..<to> | --target <t> --dates <from>..<to>) [--include-prereleases] [--filter F] [--report-dir D]
//                                                         the first release (or date) where each selected scenario's outcome
//                                                         changed (Releases/ReleaseVerbs.cs); exit 0, 1: more than one change
//                                                         or an unresolved gap, 2: usage, 3: fewer than two releases start
//   history --releases <runtime>@<version>,... [--filter F] [--reuse] ...
//                                                         the selection on each release; records docs/history.json and renders
//                                                         docs/history.md from it (as tools/Conformance.Generate does)
//   watch [--target <pinned target>]... [--since <runtime>@<release>[..<release>]]... [--filter F] [--compatibility-date D]
//         [--report-dir D] [--no-flag-finding]
//                                                         the newest release of each pinned target's line against the pin, or
//                                                         against a run of the --since release, with a flag finding per changed
//                                                         workerd scenario (Releases/WatchVerb.cs); exit 0: nothing changed,
//                                                         1: a status changed, 3: only known failures' traces changed
//   workerd-flags [--from <version or binary>] --to <version or binary>
//                                                         the date-gated flags two workerd binaries carry and the flags their
//                                                         bundled JavaScript reads, compared (Releases/WorkerdFlagsVerb.cs)
//   incomplete --reason <text> <report dir>              mark a run that did not reach its end: summary.md with the reason,
//                                                         the rows in flight and the rows not run (issue 18, items 1 and 5)
//   ended <report dir>                                    exit 0: the run reached its end with no run failure (run-end.json);
//                                                         1: it did not (cancelled, host lost), or its failures, printed
//   merge --out <dir> <shard report dir>...              join the shard report folders of one or many targets into <dir>/<target>/
//                                                         and write the site over them (Merge/MergeVerb.cs, issue 21 item 2);
//                                                         exit 0, 2: a shard missing, unfinished, overlapping, or targets mixed up
//   compat --out <file> [--as <target>=<runtime>@<version>]... <report dir>...
//                                                         the compatibility data in the browser-compat-data shape, one entry per
//                                                         requirement and propagation family (Compat/CompatVerb.cs, docs/compat.md,
//                                                         issue 21 item 4); exit 0, 2: a folder missing, empty or of an unknown target
//   run [--target <t>]... [--command <template>] [--profile P] [--requirement R] [--filter F] [--expectations <list>]
//       [--report-dir D] [--shard i/n] [--timeout S] [--parallelism N] [--allow-unavailable] [--update-expectations] ...
//                                                         the suite on each target, then the reports and the exit code
//                                                         (Run/RunCommand.cs, issue 21 item 1): the packaged tool's command and
//                                                         run-conformance.ps1's main path; exit 0, 1, 2, 3, 130, 143 as the script's
//   check-options <run's options>                        exit 0: run's options are valid; 2: which is not (run-conformance.ps1's
//                                                         modes ask it before they start)
//   filter <expression>                                   exit 0: a `dotnet test --filter` VSTest accepts; 2: why not (issue 18, item 2)
const string Usage = """
    usage: Conformance.Cli run [--target <t>]... [--command <template>] [--profile P]... [--requirement R]... [--filter F] [--expectations <list>]
                               [--report-dir D] [--shard i/n] [--timeout S] [--parallelism N] [--compatibility-date D] [--compatibility-flags F]...
                               [--runtime-cache D] [--allow-unavailable] [--update-expectations] [--accept [--accept-from T]] [--no-batch]
                               [--parallel] [--detailed] [--compat <file>]
           Conformance.Cli check-options <run's options>
           Conformance.Cli requirement-table --out <dir> <report dir or results.jsonl>...
           Conformance.Cli targets
           Conformance.Cli check <target>
           Conformance.Cli repeatability [--out <file>] <run dir or results.jsonl>...
           Conformance.Cli batches <target>
           Conformance.Cli batching <batched report dir or results.jsonl> <one-per-process report dir or results.jsonl>
           Conformance.Cli skips [--environment <target>]... [--xunit-skipped N] <report dir or results.jsonl>...
           Conformance.Cli progress [--interval S] (<pid> <target> <report dir>)...
           Conformance.Cli console [--max-blocks N] <report dir or results.jsonl>...
           Conformance.Cli site --out <dir> <report dir>...
           Conformance.Cli merge --out <dir> <shard report dir>...
           Conformance.Cli compat --out <file> [--as <target>=<runtime>@<version>]... <report dir, results.jsonl, or folder of report dirs>...
           Conformance.Cli filter <expression>
           Conformance.Cli ended <report dir>
           Conformance.Cli incomplete --reason <text> <report dir>
           Conformance.Cli bisect (--range <runtime>@<from>..<to> [--include-prereleases] | --target <t> --dates <from>..<to>) [--filter F] [--report-dir D]
           Conformance.Cli watch [--target <pinned target>]... [--since <runtime>@<release>[..<release>]]... [--filter F] [--compatibility-date D] [--report-dir D] [--no-flag-finding]
           Conformance.Cli workerd-flags [--from <version or binary>] --to <version or binary>
           Conformance.Cli history --releases <runtime>@<version>,... [--filter F] [--selection T] [--command T] [--note T]... [--report-dir D] [--reuse]
    """;

return args switch
{
    ["--help" or "-h"] or ["run", "--help" or "-h"] => Help(),
    ["run", .. var rest] => Conformance.Cli.Run.RunCommand.Run(rest),
    ["check-options", .. var rest] => Conformance.Cli.Run.RunCommand.Validate(rest),
    ["requirement-table", .. var rest] => RequirementTableVerb(rest),
    ["targets"] => Targets(),
    ["check", var name] => await CheckAsync(name),
    ["repeatability", .. var rest] => RepeatabilityVerb(rest),
    ["batches", var name] => TargetFactory.TryCreate(name, RepositoryRoot.Find(), null, out var unknown) switch
    {
        null => Fail(unknown!),
        IBatchingTarget => 0,
        _ => 1,
    },
    ["batching", var batched, var alone] => Batching(batched, alone),
    ["skips", .. var rest] => Skips(rest),
    ["progress", .. var rest] => Conformance.Cli.ConsoleVerbs.Progress(rest, Fail),
    ["console", .. var rest] => Conformance.Cli.ConsoleVerbs.Report(rest, Fail),
    ["site", .. var rest] => Conformance.Cli.Site.SiteVerb.Run(rest, Fail),
    ["merge", .. var rest] => Conformance.Cli.Merge.MergeVerb.Run(rest, Fail),
    ["compat", .. var rest] => Conformance.Cli.Compat.CompatVerb.Run(rest, Fail),
    ["bisect", .. var rest] => await Conformance.Cli.Releases.ReleaseVerbs.BisectAsync(rest, RepositoryRoot.Find(), Fail),
    ["history", .. var rest] => await Conformance.Cli.Releases.ReleaseVerbs.HistoryAsync(rest, RepositoryRoot.Find(), Fail),
    ["watch", .. var rest] => await Conformance.Cli.Releases.WatchVerb.RunAsync(rest, RepositoryRoot.Find(), Fail),
    ["workerd-flags", .. var rest] => await Conformance.Cli.Releases.WorkerdFlagsVerb.RunAsync(rest, Fail),
    ["filter", var expression] => Conformance.Harness.Execution.TestFilterSyntax.Problem(expression) is { } bad
        ? Fail($"-Filter: \"{expression}\" is not a test filter: {bad}") : 0,
    ["incomplete", .. var rest] => Conformance.Cli.IncompleteVerb.Run(rest, Fail),
    ["ended", var dir] => Ended(dir),
    _ => Fail(Usage),
};

static int Help()
{
    Console.WriteLine(Usage);
    Console.WriteLine("run's options are run-conformance.ps1's, written --kebab-case (README.md, \"Use it from another repository\").");
    return 0;
}

static int Fail(string message)
{
    Console.Error.WriteLine(message);
    return 2;
}

static int RequirementTableVerb(string[] args)
{
    string? output = null;
    var inputs = new List<string>();
    for (var i = 0; i < args.Length; i++)
    {
        if (args[i] == "--out" && i + 1 < args.Length) output = args[++i];
        else inputs.Add(args[i]);
    }
    if (output is null || inputs.Count == 0) return Fail(Usage);

    var missing = inputs.Where(p => !File.Exists(Directory.Exists(p) ? Path.Combine(p, ResultsJournal.FileName) : p)).ToArray();
    foreach (var path in missing) Console.Error.WriteLine($"no {ResultsJournal.FileName} in {path}: skipped");
    var present = inputs.Except(missing).ToArray();
    if (present.Length == 0) return Fail("no results to merge");

    var table = RequirementTable.Load(present);
    table.WriteTo(output);
    Console.WriteLine($"requirement table of {table.Targets.Count} target(s), {table.Requirements.Count} requirement(s): {Path.Combine(output, RequirementTable.MarkdownFile)}");
    return 0;
}

static int RepeatabilityVerb(string[] args)
{
    string? output = null;
    var inputs = new List<string>();
    for (var i = 0; i < args.Length; i++)
    {
        if (args[i] == "--out" && i + 1 < args.Length) output = args[++i];
        else inputs.Add(args[i]);
    }
    if (inputs.Count == 0) return Fail(Usage);

    IReadOnlyList<IReadOnlyList<ScenarioResult>> runs;
    try
    {
        runs = Repeatability.Load(inputs);
    }
    catch (Exception error) when (error is IOException or InvalidDataException or UnauthorizedAccessException or System.Text.Json.JsonException or FormatException)
    {
        return Fail($"repeatability: {error.Message}");
    }
    var reports = Repeatability.Compare(runs);
    if (reports.Count == 0) return Fail("repeatability: the runs have no results");
    var text = Repeatability.Render(reports);
    Console.Write(text);
    if (output is not null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        File.WriteAllText(output, text);
    }
    return reports.Any(r => r.Changed.Count > 0) ? 1 : 0;
}

static int Batching(string batched, string alone)
{
    IReadOnlyList<IReadOnlyList<ScenarioResult>> runs;
    try
    {
        runs = Repeatability.Load([batched, alone]);
    }
    catch (Exception error) when (error is IOException or InvalidDataException or UnauthorizedAccessException or System.Text.Json.JsonException or FormatException)
    {
        return Fail($"batching: {error.Message}");
    }
    var comparisons = BatchComparison.Compare(runs[0], runs[1]);
    Console.Write(BatchComparison.Render(comparisons));
    return comparisons.All(c => c.Identical) ? 0 : 1;
}

static int Skips(string[] args)
{
    var environment = new HashSet<string>(StringComparer.Ordinal);
    int? xunitSkipped = null;
    var inputs = new List<string>();
    for (var i = 0; i < args.Length; i++)
    {
        if (args[i] == "--environment" && i + 1 < args.Length) environment.Add(args[++i]);
        else if (args[i] == "--xunit-skipped" && i + 1 < args.Length && int.TryParse(args[i + 1], out var n) && n >= 0) { xunitSkipped = n; i++; }
        else if (args[i].StartsWith("--", StringComparison.Ordinal)) return Fail($"skips: bad option {args[i]}\n{Usage}");
        else inputs.Add(args[i]);
    }
    if (inputs.Count == 0) return Fail(Usage);
    var results = new List<ScenarioResult>();
    foreach (var input in inputs)
    {
        var file = Directory.Exists(input) ? Path.Combine(input, ResultsJournal.FileName) : input;
        try { results.AddRange(ScenarioResult.ReadAll(file)); }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or FormatException)
        {
            return Fail($"skips: cannot read {file}: {error.Message}");
        }
    }
    var breakdown = SkipBreakdown.Of(results, environment, xunitSkipped);
    foreach (var line in breakdown.Unexplained) Console.Error.WriteLine($"unexplained skip: {line}");
    Console.WriteLine(breakdown.Line);
    return breakdown.Unexplained.Count == 0 ? 0 : 1;
}

// For a run without run-conformance.ps1 (`dotnet test tests/Conformance.Specs`, as .ci/run does): whether it reached its end
// without a run failure, which dotnet test's exit code does not say (issue 18, items 5, 6 and 8).
static int Ended(string dir)
{
    RunEnd? end;
    try { end = RunEnd.Read(dir); }
    catch (Exception error) when (error is IOException or System.Text.Json.JsonException)
    {
        Console.WriteLine($"{dir}: {RunEnd.FileName} is unreadable: {error.Message}");
        return 1;
    }
    if (end is null || end.Cancelled)
    {
        Console.WriteLine($"{dir}: the run did not reach its end ({(end is null ? $"no {RunEnd.FileName}: cancelled, or its test host was lost" : "cancelled")})");
        return 1;
    }
    foreach (var failure in end.Failures) Console.WriteLine($"RUN FAILURE on {end.Target}: {failure}");
    return end.Failures.Count == 0 ? 0 : 1;
}

static int Targets()
{
    foreach (var name in new[] { "reference" }.Concat(ProcessTargets.FixedNames)) Console.WriteLine(name);
    return 0;
}

static async Task<int> CheckAsync(string name)
{
    // A malformed command template is the user's error (exit 2), not an unavailable runtime (issue 18, item 2).
    const string commandPrefix = "command:";
    if (name.StartsWith(commandPrefix, StringComparison.Ordinal))
    {
        var template = name[commandPrefix.Length..];
        try
        {
            if (CommandTemplate.Split(template).Count == 0) return Fail($"-Command: the template \"{template}\" is empty; e.g. -Command 'node {{node-host}}'");
        }
        catch (FormatException error)
        {
            return Fail($"-Command: the template \"{template}\" is malformed: {error.Message}");
        }
    }
    var target = TargetFactory.TryCreate(name, RepositoryRoot.Find(), null, out var problem);
    if (target is null) return Fail(problem!);
    var reason = await target.CheckAvailabilityAsync(CancellationToken.None);
    var resolution = VersionedTargets.ResolutionOf(target);
    if (resolution?.Kind == ResolutionKind.UsageError) return Fail(resolution.Message);
    if (reason is null)
    {
        if (resolution is not null) Console.WriteLine(resolution.Message);
        return 0;
    }
    Console.WriteLine(reason);
    return 3;
}
