#!/usr/bin/env pwsh
# Runs the conformance suite (tests/Conformance.Specs) on one or more targets and writes the reports.
#
#   dotnet tool restore && dotnet pwsh ./run-conformance.ps1                      # the reference implementation
#   dotnet pwsh ./run-conformance.ps1 -Target workerd,node -Profile documented     # two runtimes, one profile, plus a requirement table
#   dotnet pwsh ./run-conformance.ps1 -Target workerd -Requirement ALS-RUN-1 -Accept  # re-verify one requirement's snapshots
#   dotnet pwsh ./run-conformance.ps1 -Command 'node {node-host}'                   # any runtime through the command target
#   dotnet pwsh ./run-conformance.ps1 -Repeat 5 -Target workerd                    # run the selection 5 times, report what changed
#   dotnet pwsh ./run-conformance.ps1 -Target reference,workerd,node -Parallel     # the targets at the same time
#
# Output: a progress line per target every 10 s (30 s after the first minute) while it runs, then a block per unexpected result (scenario id, feature:line,
# requirements and profile, status, the diff, the runtime's exit code and the end of its standard error) and a table of
# statuses per target (`Conformance.Cli progress` and `console`); no colour or carriage return unless it is a terminal.
# dotnet test's own output goes to <ReportDir>/<target>/dotnet-test.log; -Detailed shows it instead, as it runs.
#
#   dotnet pwsh ./run-conformance.ps1 -Target node -UpdateExpectations            # re-pin targets/expectations/node.txt from this run
#
# Exit code: 0 when every result is expected (a pass, a failure exactly as targets/expectations/<target>.txt pins it, or a skip
# -AllowUnavailable allows); 1 on any unexpected result (a new failure, a changed failure, a listed pass, a list problem);
# 2 on a usage error (a selection that matches no scenario is one), an unknown target or a failed build; 3 when a target is unavailable here (missing binary, failing probe)
# and -AllowUnavailable was not given: nothing that did not run passes (the other targets still run; 3 wins over 1).
# A run failure outside the rows (run-end.json: a list that could not be written or has bad lines, an orphan verified file) and a
# lost test host are 1; another run holding the report folder is 2; SIGINT / SIGTERM end the run as cancelled with 130 / 143
# (tests/Conformance.Cli/RunSignals.cs, Run/RunLock.cs; docs/hostile-input.md lists every case).
#
# -UpdateExpectations rewrites each target's known-failure list from the run, the way -Accept writes snapshots: entries that
# still fail keep their reason and comments and get their status, trace digest and trace file
# (targets/expectations/<target>/<scenario id>.trace.txt) re-pinned; entries that pass now are removed; new failures are added
# with a placeholder reason, which the next run reports as a list problem until someone writes the cause. Only the scenarios
# this run judged are touched: a filtered or sharded update leaves the other entries as they are. The run itself is judged
# against the list as it was, so its output (and exit code) shows what the update changed.
#
#
# -Repeat N: see tests/Conformance.Cli/Run/SuiteRun.Repeat.cs. Every mode but -Explore (a plain run, -Repeat, -Parallel, -Bisect, -History, -Watch) is `Conformance.Cli run`
# (tests/Conformance.Cli/Run/RunCommand.cs), the entry the packaged tool `workers-als-conformance run` uses too (issue 21 item 1);
# -Explore's steps live in scripts/run-conformance/, one concern a file.
# The numbers are taken as text and checked by `Conformance.Cli check-options` (Run/RunOptions.cs), so that a value that is not a number is a usage error
# (exit 2) like any other, not PowerShell's binding error (exit 1).
[CmdletBinding()]
param(
    # Target names, comma separated or repeated: reference, workerd, node, node26, deno, bun, command, all, or <runtime>@<version>
    # (workerd, node, deno, bun at one exact npm release, installed into -RuntimeCache; e.g. workerd@1.20240223.1, bun@1.3.14).
    [string[]] $Target = @('reference'),
    # Profiles to run: documented, caveat, workerd-observed, erratum (default: all).
    [Alias('Profile')]
    [string[]] $Profiles = @(),
    # Requirement ids to run, e.g. ALS-RUN-1 (default: all).
    [string[]] $Requirement = @(),
    # A raw `dotnet test --filter` expression, ANDed with the above.
    [string] $Filter = '',
    # Write verified snapshots for scenarios whose trace differs or has none (completed runs only), and record who produced
    # them in features/snapshots.provenance.tsv; only from workerd unless -AcceptFrom names the target.
    [switch] $Accept,
    # With -Accept on a target other than workerd: the target's name, saying you knowingly write snapshots from it
    # (snapshots are what workerd prints; without this, accepting from another target is a run problem). Env: CONFORMANCE_ACCEPT_FROM.
    [string] $AcceptFrom = '',
    # Run shard i of n, e.g. 2/4 (deterministic by scenario id).
    [string] $Shard = '',
    # Report root; each target writes <ReportDir>/<target>, the requirement table goes to <ReportDir>. Default: reports.
    [string] $ReportDir = '',
    # Seconds allowed per scenario (default 30).
    [string] $Timeout = '0',
    # Command template for the command target (see README.md, "Testing your own runtime"); implies -Target command.
    [string] $Command = '',
    # Upper bound on scenarios run at once on a target (default: the target's own).
    [string] $Parallelism = '0',
    # Run the selection N times per target and report every scenario whose status or trace changed between runs (see above).
    [string] $Repeat = '0',
    # Let an unavailable target (missing binary, failing probe) skip its rows instead of failing the run with exit code 3.
    [switch] $AllowUnavailable,
    # Rewrite targets/expectations/<target>.txt from this run (see above).
    [switch] $UpdateExpectations,
    # Skip the build (use the last one).
    [switch] $NoBuild,
    # Show dotnet test's full output (every test, each failure's message and stack) as it runs, instead of a progress line per
    # target (the blocks and the table still end the run). Without it, that output goes to <ReportDir>/<target>/dotnet-test.log.
    [switch] $Detailed,
    # Run the targets at the same time (each still runs its scenarios in parallel); same summary and exit code as one after
    # another. Not with -Accept, -UpdateExpectations, -Repeat or -Detailed.
    [switch] $Parallel,
    # YYYY-MM-DD: the compatibility date of scenarios that name none, and the newest date the run applies to (a scenario naming a
    # later date is NOT-APPLICABLE); on workerd clamped to the binary's newest date. Node, Deno, Bun have no dates: there it only
    # decides which date-named scenarios apply (spec/runtime-bridges.md, "Compatibility dates"). Env: CONFORMANCE_COMPATIBILITY_DATE.
    [string] $CompatibilityDate = '',
    # workerd compatibility flags to add by name, comma separated (the reference honours the same). Env: CONFORMANCE_COMPATIBILITY_FLAGS.
    [string[]] $CompatibilityFlags = @(),
    # Where versioned targets (-Target bun@1.3.14, workerd@1.20240223.1, node@22.12.0, deno@2.6.8) are installed from npm and kept
    # (default ~/.cache/workers-als-conformance). Env: CONFORMANCE_RUNTIME_CACHE.
    [string] $RuntimeCache = '',
    # One process per program even on a target that runs many programs per process (workerd; spec/trace-format.md, TF-1b).
    [switch] $NoBatch,
    # Differential exploration instead of the suite: generate this many programs, run each on workerd and on each -Target, and
    # write every divergence, minimised, as a ready scenario under <ReportDir>/<target>/explore/ (tools/Conformance.Explore).
    # -Shard i/n splits the programs by index; merge shard reports with `dotnet run --project tools/Conformance.Explore -- merge`.
    [string] $Explore = '0',
    # The exploration's seed: the same seed gives the same programs and the same report (apart from timing figures).
    [string] $Seed = '1',
    # For each selected scenario, the first release where its outcome changed: -Target <runtime>@<from>..<to> (npm's releases in
    # the range), or one target with -CompatibilityDate <from>..<to> (every day). Steps and findings: tests/Conformance.Cli/Run/ReleaseModes.cs.
    [switch] $Bisect,
    # With -Bisect over releases: include npm's pre-releases (canaries) in the range.
    [switch] $IncludePrereleases,
    # Run the selection on each -Target <runtime>@<version>; record docs/history.json, write docs/history.md (tests/Conformance.Cli/Run/ReleaseModes.cs).
    [switch] $History,
    # The newest npm release of each pinned target's line against its pin (tests/Conformance.Cli/Run/ReleaseModes.cs); exit 1 when a
    # status changed, 3 when only known failures' traces did.
    [switch] $Watch,
    # With -Watch: compare with a run of these releases instead of the pins' lists, <runtime>@<release>[..<release>], comma separated
    # (-Since workerd@1.20261117.1,bun@1.4.4: what changed from them to the newest of their lines).
    [string[]] $Since = @(),
    # With -Watch: no flag finding for changed workerd scenarios (it re-runs each changed scenario a few times).
    [switch] $NoFlagFinding,
    # Also write compatibility data in the browser-compat-data shape to this file from the run's report folders (with -History,
    # the releases' folders): `Conformance.Cli compat`, docs/compat.md; the reference is left out. Exit 1 when it cannot be written.
    [string] $Compat = ''
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = $PSScriptRoot
$specs = Join-Path $root 'tests/Conformance.Specs/Conformance.Specs.csproj'
$reportsProject = Join-Path $root 'tests/Conformance.Cli/Conformance.Cli.csproj'
# The built assemblies, asked of MSBuild rather than spelled out: no build configuration is assumed (issue 17, item 6).
$reportsDll = (dotnet msbuild $reportsProject -getProperty:TargetPath -nologo | Select-Object -Last 1).Trim()
foreach ($part in 'Common', 'Options', 'RunGuard', 'SuiteRun', 'Exploration') {
    . (Join-Path $root "scripts/run-conformance/$part.ps1")
}

# ---- the options, checked by the one checker (`Conformance.Cli check-options`) before anything runs ---------------
$runArgs = @(ConvertTo-RunArguments $PSBoundParameters)
Invoke-Build @($reportsProject)
dotnet $reportsDll check-options @runArgs
if ($LASTEXITCODE -ne 0) { exit 2 }
$reportRoot = if ($ReportDir) { [IO.Path]::GetFullPath($ReportDir, (Get-Location).Path) } else { Join-Path $root 'reports' }

# ---- every mode but -Explore (-Repeat, -Parallel, -Bisect, -History, -Watch): `Conformance.Cli run`, the packaged tool's entry
if (-not ([int]$Explore.Trim() -gt 0)) {
    Invoke-Build @($specs)
    $suite = (dotnet msbuild $specs -getProperty:TargetPath -nologo | Select-Object -Last 1).Trim()
    exit (Invoke-SuiteRun ($runArgs + @('-ReportDir', $reportRoot, '-Suite', $suite)))
}

# ---- -Explore: run from here (tools/Conformance.Explore is not in the package) ------------------------------------------
$targets = @(Split-List $Target)
if ($Command) {
    if (-not $PSBoundParameters.ContainsKey('Target')) { $targets = @('command') }
    $targets = @($targets | ForEach-Object { if ($_ -eq 'command') { "command:$Command" } else { $_ } })
}
# The checked numbers, typed from here on (a cast on assignment changes the variable's type).
[double] $Timeout = $Timeout.Trim()
[int] $Parallelism = $Parallelism.Trim()
[int] $Explore = $Explore.Trim()
[long] $Seed = $Seed.Trim()
if ($RuntimeCache) { $env:CONFORMANCE_RUNTIME_CACHE = [IO.Path]::GetFullPath($RuntimeCache, (Get-Location).Path) }
Enter-RunLock
exit (Invoke-Exploration $targets)
