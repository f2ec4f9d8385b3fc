# Runs dotnet test on each target and follows it, dot-sourced by run-conformance.ps1.
#
# Targets run one after another unless -Parallel: received files go to <ReportDir>/<target>/received/ and cannot clash, but two
# accepts at once would race on the verified files and the provenance manifest (so -Parallel refuses -Accept). Each target's
# own scenarios run in parallel. By default dotnet test writes to <ReportDir>/<target>/dotnet-test.log and the console shows a
# progress line per target (`Conformance.Cli progress`, following results.jsonl), then `Conformance.Cli console`.
# The settings reach the test run as environment variables (tests/Conformance.Harness/Execution/ConformanceSettings.cs).

$variables = 'CONFORMANCE_TARGET', 'CONFORMANCE_ACCEPT', 'CONFORMANCE_ACCEPT_FROM', 'CONFORMANCE_REPORT_DIR', 'CONFORMANCE_SHARD', 'CONFORMANCE_TIMEOUT_SECONDS', 'CONFORMANCE_PARALLELISM',
    'CONFORMANCE_ALLOW_UNAVAILABLE', 'CONFORMANCE_UPDATE_EXPECTATIONS', 'CONFORMANCE_COMPATIBILITY_DATE', 'CONFORMANCE_COMPATIBILITY_FLAGS',
    'CONFORMANCE_NO_BATCH'

# The settings every run of the suite takes from the command line, set afresh (what an earlier run left is cleared first):
# Start-TargetRun, -Bisect and -History all run the suite with them. A -CompatibilityDate range is -Bisect's own axis, not a setting.
function Set-RunSettings {
    foreach ($v in $variables) { Remove-Item "Env:$v" -ErrorAction SilentlyContinue }
    if ($Timeout -gt 0) { $env:CONFORMANCE_TIMEOUT_SECONDS = [string]$Timeout }
    if ($Parallelism -gt 0) { $env:CONFORMANCE_PARALLELISM = [string]$Parallelism }
    if ($CompatibilityDate -and $CompatibilityDate -notmatch '\.\.') { $env:CONFORMANCE_COMPATIBILITY_DATE = $CompatibilityDate }
    if ($CompatibilityFlags.Count -gt 0) { $env:CONFORMANCE_COMPATIBILITY_FLAGS = $CompatibilityFlags -join ',' }
    if ($NoBatch) { $env:CONFORMANCE_NO_BATCH = '1' }
}

# Starts dotnet test on one target; with -Detailed it runs in the foreground and has finished when this returns.
function Start-TargetRun([string] $t, [string] $dir, [string] $runLabel) {
    New-Item -ItemType Directory -Force -Path $dir | Out-Null
    # Nothing of an earlier run stays beside this one's files (issue 18, item 1), nor is counted by the follower.
    Clear-RunFolder $dir
    Set-RunSettings
    $env:CONFORMANCE_TARGET = $t
    $env:CONFORMANCE_REPORT_DIR = $dir
    if ($Accept) { $env:CONFORMANCE_ACCEPT = '1' }
    if ($AllowUnavailable) { $env:CONFORMANCE_ALLOW_UNAVAILABLE = '1' }
    if ($UpdateExpectations) { $env:CONFORMANCE_UPDATE_EXPECTATIONS = '1' }
    if ($AcceptFrom) { $env:CONFORMANCE_ACCEPT_FROM = $AcceptFrom }
    if ($Shard) { $env:CONFORMANCE_SHARD = $Shard }

    Write-Host "== $t$runLabel ==  reports: $dir$(if ($testFilter) { "  filter: $testFilter" })" -ForegroundColor Cyan
    $testArgs = @('test', $specs, '--no-build', '--nologo',
        '--logger', 'console;verbosity=normal',
        '--logger', "junit;LogFilePath=$(Join-Path $dir 'junit.xml')")
    if ($testFilter) { $testArgs += @('--filter', $testFilter) }
    $log = Join-Path $dir 'dotnet-test.log'
    $run = [pscustomobject]@{ Target = $t; Dir = $dir; Label = $runLabel; Log = $log; Process = $null; ExitCode = 0 }
    if ($Detailed) {
        # In the foreground's place, started and waited for, so that a signal can end it (Cancellation.ps1).
        $detailed = Start-Process -FilePath 'dotnet' -ArgumentList (Join-CommandLine $testArgs) -PassThru -NoNewWindow
        $null = $detailed.Handle
        [Conformance.Cli.RunSignals]::Track($detailed, $dir, "$t$runLabel")
        $detailed.WaitForExit()
        $run.ExitCode = $detailed.ExitCode
    } else {
        $run.Process = Start-Process -FilePath 'dotnet' -ArgumentList (Join-CommandLine $testArgs) -PassThru -NoNewWindow `
            -RedirectStandardOutput $log -RedirectStandardError "$log.stderr"
        $null = $run.Process.Handle # keeps the exit code readable after the process ends
        [Conformance.Cli.RunSignals]::Track($run.Process, $dir, "$t$runLabel")
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
    # Started, not run in the foreground: a Ctrl-C that reaches a foreground native command makes PowerShell stop the script
    # before Cancellation.ps1 can end the run.
    $follower = Start-Process -FilePath 'dotnet' -ArgumentList (Join-CommandLine (@($reportsDll) + $followArgs)) -PassThru -NoNewWindow
    [Conformance.Cli.RunSignals]::Track($follower)
    $follower.WaitForExit()
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
    if ($results.Count -eq 0 -and $testFilter -and (Test-Path $run.Log)) {
        # VSTest writes a malformed filter's cause only in its log and runs nothing (Assert-TestFilter catches most before).
        $bad = @(Select-String -Path $run.Log -Pattern 'Incorrect format for TestCaseFilter' | Select-Object -First 1)
        if ($bad.Count -gt 0) { Stop-Usage "-Filter '$testFilter' is not a test filter: $($bad[0].Line.Trim())" }
    }
    if (Test-RunCancelled) { return }
    $unexpected = @($results | Where-Object { -not $_.expected })
    $endFile = Join-Path $run.Dir 'run-end.json'
    # No selection and a clean exit: the filter selected nothing (Exit-Run says so); else a missing end is a lost host.
    $selected = Test-Path (Join-Path $run.Dir 'selection.txt')
    if (-not (Test-Path $endFile) -and ($selected -or $run.ExitCode -ne 0)) {
        # The test host ended before the run did (issue 18, item 5): what ran, what was in flight, what never ran.
        $script:incompleteRuns += "$($run.Target)$($run.Label)"
        $null = Write-IncompleteRun $run "the test host ended before the run did (dotnet test exited with $($run.ExitCode))"
    } elseif (Test-Path $endFile) {
        $failures = @((Get-Content $endFile -Raw | ConvertFrom-Json).failures)
        if ($failures.Count -gt 0) { $script:runFailures += "$($run.Target)$($run.Label): $($failures.Count)" }
    }
    $summaryFile = Join-Path $run.Dir 'summary.md'
    if ((Test-Path $endFile) -and (Test-Path $summaryFile)) {
        Get-Content $summaryFile | Where-Object { $_ -like '> **' + '*' } | ForEach-Object { Write-Loud "$($run.Target)$($run.Label): $($_ -replace '^> \*\*|\*\*$', '')" }
    }
    $script:unexpectedTotal += $unexpected.Count
    $script:resultsTotal += $results.Count
    if ($run.ExitCode -ne 0 -and $unexpected.Count -eq 0 -and $script:incompleteRuns -notcontains "$($run.Target)$($run.Label)") {
        $script:failedRuns += $run.Target
        if ($run.Process) {
            Write-Host "dotnet test on $($run.Target)$($run.Label) exited with $($run.ExitCode) without an unexpected result; the end of $($run.Log):" -ForegroundColor Red
            Get-Content $run.Log, "$($run.Log).stderr" -ErrorAction SilentlyContinue | Select-Object -Last 40 | ForEach-Object { Write-Host "  $_" }
        }
    }
}

# Every target at once (-Parallel), each with its own report directory.
function Invoke-TargetsInParallel([string[]] $targets) {
    $started = @(foreach ($t in $targets) {
        $dir = Join-Path $reportRoot (Get-SafeName $t)
        $script:reportDirs += $dir
        Start-TargetRun $t $dir ''
    })
    Wait-TargetRuns $started
    if (Test-RunCancelled) { return }
    foreach ($r in $started) { Complete-TargetRun $r }
}

# One target after another; with -Repeat N each target's N runs go to <ReportDir>/<target>/run-<i>/ and are compared
# (Repeatability.ps1).
function Invoke-TargetsInTurn([string[]] $targets, [int] $runs) {
    foreach ($t in $targets) {
        $targetDir = Join-Path $reportRoot (Get-SafeName $t)
        $runDirs = @()
        $targetClock = [Diagnostics.Stopwatch]::StartNew()
        for ($run = 1; $run -le $runs; $run++) {
            $dir = if ($runs -gt 1) { Join-Path $targetDir "run-$run" } else { $targetDir }
            $runDirs += $dir
            if ($runs -eq 1) { $script:reportDirs += $dir }
            $runLabel = if ($runs -gt 1) { " (run $run of $runs)" } else { '' }
            $started = Start-TargetRun $t $dir $runLabel
            Wait-TargetRuns @($started)
            if (Test-RunCancelled) { return }
            Complete-TargetRun $started
        }
        $targetClock.Stop()
        if ($runs -gt 1) { Compare-TargetRuns $t $targetDir $runDirs $targetClock.Elapsed.TotalSeconds }
    }
}
