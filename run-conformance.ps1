#!/usr/bin/env pwsh
# Runs the conformance suite (tests/Conformance.Specs) on one or more targets and writes the reports.
#
#   dotnet tool restore && dotnet pwsh ./run-conformance.ps1                      # the reference implementation
#   dotnet pwsh ./run-conformance.ps1 -Target workerd,node -Profile documented     # two runtimes, one profile, plus a matrix
#   dotnet pwsh ./run-conformance.ps1 -Target workerd -Requirement ALS-RUN-1 -Accept  # re-verify one requirement's snapshots
#   dotnet pwsh ./run-conformance.ps1 -Command 'node {node-host}'                   # any runtime through the command target
#   dotnet pwsh ./run-conformance.ps1 -Repeat 5 -Target workerd                    # run the selection 5 times, report what changed
#   dotnet pwsh ./run-conformance.ps1 -Target reference,workerd,node -Parallel     # the targets at the same time
#
# Output: a progress line per target every 10 s (30 s after the first minute) while it runs, then a block per unexpected result (scenario id, feature:line,
# requirements and profile, status, the diff, the runtime's exit code and the end of its standard error) and a table of
# statuses per target (`Conformance.Reports progress` and `console`); no colour or carriage return unless it is a terminal.
# dotnet test's own output goes to <ReportDir>/<target>/dotnet-test.log; -Detailed shows it instead, as it runs.
#
#   dotnet pwsh ./run-conformance.ps1 -Target node -UpdateExpectations            # re-pin targets/expectations/node.txt from this run
#
# Exit code: 0 when every result is expected (a pass, a failure exactly as targets/expectations/<target>.txt pins it, or a skip
# -AllowUnavailable allows); 1 on any unexpected result (a new failure, a changed failure, a listed pass, a list problem);
# 2 on a usage error, an unknown target or a failed build; 3 when a target is unavailable here (missing binary, failing probe)
# and -AllowUnavailable was not given: nothing that did not run passes (the other targets still run; 3 wins over 1).
#
# -UpdateExpectations rewrites each target's known-failure list from the run, the way -Accept writes snapshots: entries that
# still fail keep their reason and comments and get their status, trace digest and trace file
# (targets/expectations/<target>/<scenario id>.trace.txt) re-pinned; entries that pass now are removed; new failures are added
# with a placeholder reason, which the next run reports as a list problem until someone writes the cause. Only the scenarios
# this run judged are touched: a filtered or sharded update leaves the other entries as they are. The run itself is judged
# against the list as it was, so its output (and exit code) shows what the update changed.
#
# -Repeat N (N >= 2) asks a different question: is each scenario's result the same every time? The selection runs N times on
# each target, one run after another, run i writing its full report to <ReportDir>/<target>/run-<i>/ (results.jsonl with each
# scenario's status and trace hash, summary.md, junit.xml); the runs are kept. Then `Conformance.Reports repeatability`
# compares them and prints, per target, `repeatability: <target> N runs, K scenarios changed` followed by every scenario whose
# status or trace was not the same in all N runs (which runs saw what, and the first differing trace line); the same text goes
# to <ReportDir>/<target>/repeatability.txt, and the wall time of the N runs is printed after it. Pass or fail does not
# matter in this mode (a scenario that fails the same way every time is repeatable): the exit code is 0 when no scenario
# changed on any target, 1 when K > 0 on some target (or a run left no results), 2 as above. -Accept is refused with -Repeat.
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
    # Report root; each target writes <ReportDir>/<target>, the matrix goes to <ReportDir>. Default: reports.
    [string] $ReportDir = '',
    # Seconds allowed per scenario (default 30).
    [double] $Timeout = 0,
    # Command template for the command target (see README.md, "Testing your own runtime"); implies -Target command.
    [string] $Command = '',
    # Upper bound on scenarios run at once on a target (default: the target's own).
    [int] $Parallelism = 0,
    # Run the selection N times per target and report every scenario whose status or trace changed between runs (see above).
    [int] $Repeat = 0,
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
    # write every divergence, minimised, as a ready scenario under <ReportDir>/<target>/explore/ (tests/Conformance.Explore).
    # -Shard i/n splits the programs by index; merge shard reports with `dotnet run --project tests/Conformance.Explore -- merge`.
    [int] $Explore = 0,
    # The exploration's seed: the same seed gives the same programs and the same report (apart from timing figures).
    [long] $Seed = 1
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = $PSScriptRoot
$specs = Join-Path $root 'tests/Conformance.Specs/Conformance.Specs.csproj'
$reportsProject = Join-Path $root 'tests/Conformance.Reports/Conformance.Reports.csproj'
$reportsDll = Join-Path $root 'tests/Conformance.Reports/bin/Debug/net10.0/Conformance.Reports.dll'
$knownProfiles = @('documented', 'caveat', 'workerd-observed', 'erratum')

function Split-List([string[]] $values) {
    @($values | ForEach-Object { $_ -split ',' } | ForEach-Object { $_.Trim() } | Where-Object { $_ })
}

function Write-Loud([string] $text) {
    Write-Host ''
    Write-Host ('!' * 78) -ForegroundColor Red
    Write-Host "!! $text" -ForegroundColor Red
    Write-Host ('!' * 78) -ForegroundColor Red
}

function Get-SafeName([string] $name) {
    $family = ($name -split ':', 2)[0]
    $safe = ($family -replace '[^A-Za-z0-9_.@-]', '-').Trim('-')
    if ($safe) { $safe } else { 'target' }
}

# ---- what to run -------------------------------------------------------------------------------------------------
$targets = @(Split-List $Target)
$Profiles = @(Split-List $Profiles)
$Requirement = @(Split-List $Requirement)
if ($Command) {
    if (-not $PSBoundParameters.ContainsKey('Target')) { $targets = @('command') }
    $targets = @($targets | ForEach-Object { if ($_ -eq 'command') { "command:$Command" } else { $_ } })
}
if ($targets -contains 'command') {
    Write-Error 'the command target needs -Command "<template>"'
    exit 2
}
foreach ($p in $Profiles) {
    if ($knownProfiles -notcontains $p) { Write-Host "unknown profile '$p'; profiles: $($knownProfiles -join ', ')" -ForegroundColor Red; exit 2 }
}
if ($PSBoundParameters.ContainsKey('Repeat') -and $Repeat -lt 2) { Write-Host "-Repeat takes a number of runs of at least 2" -ForegroundColor Red; exit 2 }
if ($Repeat -ge 2 -and $UpdateExpectations) { Write-Host "-UpdateExpectations cannot be combined with -Repeat (a list is re-pinned from one reviewed run)" -ForegroundColor Red; exit 2 }
if ($Repeat -ge 2 -and $Accept) { Write-Host "-Accept cannot be combined with -Repeat (a verified snapshot is written once, from a reviewed run)" -ForegroundColor Red; exit 2 }
if ($Parallel) {
    $why = [ordered]@{
        '-Accept'             = @($Accept, 'accepting writes the shared verified snapshots and provenance manifest, one target at a time')
        '-UpdateExpectations' = @($UpdateExpectations, 're-pinning writes the known-failure lists from one reviewed run per target')
        '-Repeat'             = @(($Repeat -ge 2), 'repeated runs are timed one target at a time')
        '-Detailed'           = @($Detailed, "several targets' full dotnet test output would interleave")
    }
    foreach ($name in $why.Keys) {
        if ($why[$name][0]) { Write-Host "-Parallel cannot be combined with ${name}: $($why[$name][1]). Run without -Parallel." -ForegroundColor Red; exit 2 }
    }
}
if ($CompatibilityDate -and $CompatibilityDate -notmatch '^\d{4}-\d{2}-\d{2}$') { Write-Host "-CompatibilityDate takes YYYY-MM-DD" -ForegroundColor Red; exit 2 }
$CompatibilityFlags = @(Split-List $CompatibilityFlags)
if ($RuntimeCache) { $env:CONFORMANCE_RUNTIME_CACHE = [IO.Path]::GetFullPath($RuntimeCache, (Get-Location).Path) }
if ($Shard -and $Shard -notmatch '^\s*\d+\s*/\s*\d+\s*$') { Write-Host "-Shard takes i/n, e.g. 2/4" -ForegroundColor Red; exit 2 }

$filterParts = @()
if ($Profiles.Count -gt 0) { $filterParts += '(' + (($Profiles | ForEach-Object { "Profile=$_" }) -join '|') + ')' }
if ($Requirement.Count -gt 0) { $filterParts += '(' + (($Requirement | ForEach-Object { "Requirement=$_" }) -join '|') + ')' }
if ($Filter) { $filterParts += "($Filter)" }
$testFilter = $filterParts -join '&'

$reportRoot = if ($ReportDir) { [IO.Path]::GetFullPath($ReportDir, (Get-Location).Path) } else { Join-Path $root 'reports' }

# ---- -Explore: differential exploration (tests/Conformance.Explore), then stop -----------------------------------
if ($Explore -gt 0) {
    $exploreProject = Join-Path $root 'tests/Conformance.Explore/Conformance.Explore.csproj'
    if (-not $NoBuild) { dotnet build $exploreProject --nologo -v quiet; if ($LASTEXITCODE -ne 0) { Write-Host 'the build of the explorer failed' -ForegroundColor Red; exit 2 } }
    $worst = 0
    foreach ($t in $targets) {
        $exploreArgs = @('explore', '--target', $t, '--count', $Explore, '--seed', $Seed, '--report-dir', $reportRoot)
        if ($Shard) { $exploreArgs += @('--shard', $Shard) }
        if ($Timeout -gt 0) { $exploreArgs += @('--timeout', $Timeout) }
        if ($Parallelism -gt 0) { $exploreArgs += @('--parallelism', $Parallelism) }
        dotnet run --no-build --project $exploreProject -- @exploreArgs
        if ($LASTEXITCODE -gt $worst) { $worst = $LASTEXITCODE }
    }
    exit $worst
}

# ---- build once --------------------------------------------------------------------------------------------------
if (-not $NoBuild) {
    Write-Host "building the suite..." -ForegroundColor Cyan
    # The build's own output is shown only when it fails (or with -Detailed).
    foreach ($project in $specs, $reportsProject) {
        $buildOutput = @(dotnet build $project --nologo -v quiet 2>&1)
        if ($Detailed -or $LASTEXITCODE -ne 0) { $buildOutput | ForEach-Object { Write-Host $_ } }
        if ($LASTEXITCODE -ne 0) { Write-Host "the build of $project failed" -ForegroundColor Red; exit 2 }
    }
}

if ($targets -contains 'all') {
    $all = @(dotnet $reportsDll targets)
    $targets = @($targets | ForEach-Object { if ($_ -eq 'all') { $all } else { $_ } } | Select-Object -Unique)
}

# Unknown names stop the run before anything runs. An unavailable target is not run: it fails the run with exit code 3, unless
# -AllowUnavailable lets it run with every scenario skipped.
$unavailableTargets = @()
foreach ($t in $targets) {
    $check = @(dotnet $reportsDll check $t 2>&1)
    switch ($LASTEXITCODE) {
        0 { if ($check) { Write-Host ($check -join "`n") -ForegroundColor Cyan } }
        3 {
            if ($AllowUnavailable) { Write-Loud "target $t is UNAVAILABLE here: every scenario will be skipped (-AllowUnavailable). $($check -join ' ')" }
            else { Write-Loud "target $t is UNAVAILABLE here: not run, the run fails (exit code 3; -AllowUnavailable lets it skip). $($check -join ' ')"; $unavailableTargets += $t }
        }
        default { Write-Host ($check -join "`n") -ForegroundColor Red; exit 2 }
    }
}
$targets = @($targets | Where-Object { $unavailableTargets -notcontains $_ })

# ---- run each target ---------------------------------------------------------------------------------------------
# Targets run one after another unless -Parallel: received files go to <ReportDir>/<target>/received/ and cannot clash, but two
# accepts at once would race on the verified files and the provenance manifest (so -Parallel refuses -Accept). Each target's
# own scenarios run in parallel. By default dotnet test writes to <ReportDir>/<target>/dotnet-test.log and the console shows a
# progress line per target (`Conformance.Reports progress`, following results.jsonl), then `Conformance.Reports console`.
$variables = 'CONFORMANCE_TARGET', 'CONFORMANCE_ACCEPT', 'CONFORMANCE_ACCEPT_FROM', 'CONFORMANCE_REPORT_DIR', 'CONFORMANCE_SHARD', 'CONFORMANCE_TIMEOUT_SECONDS', 'CONFORMANCE_PARALLELISM',
    'CONFORMANCE_ALLOW_UNAVAILABLE', 'CONFORMANCE_UPDATE_EXPECTATIONS', 'CONFORMANCE_COMPATIBILITY_DATE', 'CONFORMANCE_COMPATIBILITY_FLAGS',
    'CONFORMANCE_NO_BATCH'
$unexpectedTotal = 0
$failedRuns = @()
$reportDirs = @()
$changedTargets = @()
$runs = if ($Repeat -ge 2) { $Repeat } else { 1 }

# One command line from a list, quoted the way .NET splits it back (Start-Process takes a single string).
function Join-CommandLine([string[]] $arguments) {
    ($arguments | ForEach-Object {
        if ($_ -and $_ -notmatch '[\s"]') { $_ }
        else { '"' + (($_ -replace '(\\*)"', '$1$1\"') -replace '(\\+)$', '$1$1') + '"' }
    }) -join ' '
}

# Starts dotnet test on one target; with -Detailed it runs in the foreground and has finished when this returns.
function Start-TargetRun([string] $t, [string] $dir, [string] $runLabel) {
    New-Item -ItemType Directory -Force -Path $dir | Out-Null
    # A follower must not count the previous run's rows before this run starts its journal afresh.
    Remove-Item (Join-Path $dir 'results.jsonl'), (Join-Path $dir 'selected.txt') -ErrorAction SilentlyContinue
    foreach ($v in $variables) { Remove-Item "Env:$v" -ErrorAction SilentlyContinue }
    $env:CONFORMANCE_TARGET = $t
    $env:CONFORMANCE_REPORT_DIR = $dir
    if ($Accept) { $env:CONFORMANCE_ACCEPT = '1' }
    if ($AllowUnavailable) { $env:CONFORMANCE_ALLOW_UNAVAILABLE = '1' }
    if ($UpdateExpectations) { $env:CONFORMANCE_UPDATE_EXPECTATIONS = '1' }
    if ($AcceptFrom) { $env:CONFORMANCE_ACCEPT_FROM = $AcceptFrom }
    if ($Shard) { $env:CONFORMANCE_SHARD = $Shard }
    if ($Timeout -gt 0) { $env:CONFORMANCE_TIMEOUT_SECONDS = [string]$Timeout }
    if ($Parallelism -gt 0) { $env:CONFORMANCE_PARALLELISM = [string]$Parallelism }
    if ($CompatibilityDate) { $env:CONFORMANCE_COMPATIBILITY_DATE = $CompatibilityDate }
    if ($CompatibilityFlags.Count -gt 0) { $env:CONFORMANCE_COMPATIBILITY_FLAGS = $CompatibilityFlags -join ',' }
    if ($NoBatch) { $env:CONFORMANCE_NO_BATCH = '1' }

    Write-Host "== $t$runLabel ==  reports: $dir$(if ($testFilter) { "  filter: $testFilter" })" -ForegroundColor Cyan
    $testArgs = @('test', $specs, '--no-build', '--nologo',
        '--logger', 'console;verbosity=normal',
        '--logger', "junit;LogFilePath=$(Join-Path $dir 'junit.xml')")
    if ($testFilter) { $testArgs += @('--filter', $testFilter) }
    $log = Join-Path $dir 'dotnet-test.log'
    $run = [pscustomobject]@{ Target = $t; Dir = $dir; Label = $runLabel; Log = $log; Process = $null; ExitCode = 0 }
    if ($Detailed) {
        & dotnet @testArgs | Out-Host
        $run.ExitCode = $LASTEXITCODE
    } else {
        $run.Process = Start-Process -FilePath 'dotnet' -ArgumentList (Join-CommandLine $testArgs) -PassThru -NoNewWindow `
            -RedirectStandardOutput $log -RedirectStandardError "$log.stderr"
        $null = $run.Process.Handle # keeps the exit code readable after the process ends
    }
    foreach ($v in $variables) { Remove-Item "Env:$v" -ErrorAction SilentlyContinue }
    $run
}

# Follows the started runs with a progress line per target until they all end.
function Wait-TargetRuns($started) {
    $quiet = @($started | Where-Object { $_.Process })
    if ($quiet.Count -eq 0) { return }
    $followArgs = @('progress')
    foreach ($r in $quiet) { $followArgs += @([string]$r.Process.Id, "$($r.Target)$($r.Label)", $r.Dir) }
    & dotnet $reportsDll @followArgs
    foreach ($r in $quiet) { $r.Process.WaitForExit(); $r.ExitCode = $r.Process.ExitCode }
}

# Counts a finished run's unexpected results, says loudly what its summary.md calls a problem, and shows dotnet test's own
# output when it failed without an unexpected result (a crash of the test host, a broken build).
function Complete-TargetRun($run) {
    $resultsFile = Join-Path $run.Dir 'results.jsonl'
    $results = @()
    if (Test-Path $resultsFile) {
        $results = @(Get-Content $resultsFile | Where-Object { $_.Trim() } | ForEach-Object { $_ | ConvertFrom-Json })
    }
    $unexpected = @($results | Where-Object { -not $_.expected })
    $summaryFile = Join-Path $run.Dir 'summary.md'
    if (Test-Path $summaryFile) {
        Get-Content $summaryFile | Where-Object { $_ -like '> **' + '*' } | ForEach-Object { Write-Loud "$($run.Target)$($run.Label): $($_ -replace '^> \*\*|\*\*$', '')" }
    }
    $script:unexpectedTotal += $unexpected.Count
    if ($run.ExitCode -ne 0 -and $unexpected.Count -eq 0) {
        $script:failedRuns += $run.Target
        if ($run.Process) {
            Write-Host "dotnet test on $($run.Target)$($run.Label) exited with $($run.ExitCode) without an unexpected result; the end of $($run.Log):" -ForegroundColor Red
            Get-Content $run.Log, "$($run.Log).stderr" -ErrorAction SilentlyContinue | Select-Object -Last 40 | ForEach-Object { Write-Host "  $_" }
        }
    }
}

$clock = [Diagnostics.Stopwatch]::StartNew()
if ($Parallel) {
    $started = @(foreach ($t in $targets) {
        $dir = Join-Path $reportRoot (Get-SafeName $t)
        $reportDirs += $dir
        Start-TargetRun $t $dir ''
    })
    Wait-TargetRuns $started
    foreach ($r in $started) { Complete-TargetRun $r }
} else {
    foreach ($t in $targets) {
        $targetDir = Join-Path $reportRoot (Get-SafeName $t)
        $runDirs = @()
        $targetClock = [Diagnostics.Stopwatch]::StartNew()
        for ($run = 1; $run -le $runs; $run++) {
            $dir = if ($runs -gt 1) { Join-Path $targetDir "run-$run" } else { $targetDir }
            $runDirs += $dir
            if ($runs -eq 1) { $reportDirs += $dir }
            $runLabel = if ($runs -gt 1) { " (run $run of $runs)" } else { '' }
            $started = Start-TargetRun $t $dir $runLabel
            Wait-TargetRuns @($started)
            Complete-TargetRun $started
        }
        $targetClock.Stop()

        # ---- repeatability of this target over its runs ----
        if ($runs -gt 1) {
            Write-Host ''
            Write-Host "-- $t repeatability over $runs runs --" -ForegroundColor Cyan
            $compareFile = Join-Path $targetDir 'repeatability.txt'
            $comparison = @(dotnet $reportsDll repeatability --out $compareFile @runDirs 2>&1)
            $compareExit = $LASTEXITCODE
            $comparison | ForEach-Object { Write-Host $_ -ForegroundColor $(if ($compareExit -eq 0) { 'Green' } else { 'Red' }) }
            Write-Host ("wall time {0}: {1:0.0} s for {2} runs ({3:0.0} s per run)" -f $t, $targetClock.Elapsed.TotalSeconds, $runs, ($targetClock.Elapsed.TotalSeconds / $runs))
            if ($compareExit -ne 0) { $changedTargets += $t }
        }
    }
}
$clock.Stop()

if ($runs -gt 1) {
    Write-Host ''
    if ($unavailableTargets.Count -gt 0) {
        Write-Host "unavailable, not run: $($unavailableTargets -join ', ') (-AllowUnavailable lets it skip)" -ForegroundColor Red
        exit 3
    }
    if ($changedTargets.Count -gt 0) {
        Write-Host "results changed between runs on: $($changedTargets -join ', ') (see above and <ReportDir>/<target>/repeatability.txt)" -ForegroundColor Red
        exit 1
    }
    Write-Host "every scenario gave the same status and trace in all $runs runs on: $($targets -join ', ')" -ForegroundColor Green
    if ($unexpectedTotal -gt 0) { Write-Host "($unexpectedTotal unexpected result(s) over all runs: not judged with -Repeat; see each run's summary)" -ForegroundColor Yellow }
    exit 0
}

# ---- unexpected results, the table, the matrix across targets ----------------------------------------------------
if ($reportDirs.Count -gt 0) {
    Write-Host ''
    dotnet $reportsDll console @reportDirs
}
if ($targets.Count -gt 1) {
    dotnet $reportsDll matrix --out $reportRoot @reportDirs
}
Write-Host ("wall time: {0:0.0} s{1}" -f $clock.Elapsed.TotalSeconds, $(if ($Parallel) { ' (targets in parallel)' } else { '' }))

Write-Host ''
if ($unavailableTargets.Count -gt 0) {
    Write-Host "unavailable, not run: $($unavailableTargets -join ', '); nothing that did not run passes (-AllowUnavailable lets it skip)" -ForegroundColor Red
    exit 3
}
if ($failedRuns.Count -gt 0) {
    Write-Host "dotnet test failed without an unexpected scenario result for: $($failedRuns -join ', ') (see the output above)" -ForegroundColor Red
    exit 1
}
if ($unexpectedTotal -gt 0) {
    Write-Host "$unexpectedTotal unexpected result(s)" -ForegroundColor Red
    exit 1
}
Write-Host 'every result is as expected' -ForegroundColor Green
exit 0
