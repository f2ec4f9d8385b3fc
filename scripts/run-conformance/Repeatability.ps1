# -Repeat N (N >= 2), dot-sourced by run-conformance.ps1: is each scenario's result the same every time?
#
# The selection runs N times on each target, one run after another, run i writing its full report to
# <ReportDir>/<target>/run-<i>/ (results.jsonl with each scenario's status and trace hash, summary.md, junit.xml); the runs are
# kept. Then `Conformance.Cli repeatability` compares them and prints, per target, `repeatability: <target> N runs, K
# scenarios changed` followed by every scenario whose status or trace was not the same in all N runs (which runs saw what, and
# the first differing trace line); the same text goes to <ReportDir>/<target>/repeatability.txt, and the wall time of the N
# runs is printed after it. Pass or fail does not matter in this mode (a scenario that fails the same way every time is
# repeatable): the exit code is 0 when no scenario changed on any target, 1 when K > 0 on some target (or a run left no
# results), 2 on a usage error. -Accept and -UpdateExpectations are refused with -Repeat.

function Compare-TargetRuns([string] $t, [string] $targetDir, [string[]] $runDirs, [double] $seconds) {
    Write-Host ''
    Write-Host "-- $t repeatability over $($runDirs.Count) runs --" -ForegroundColor Cyan
    $compareFile = Join-Path $targetDir 'repeatability.txt'
    $comparison = @(dotnet $reportsDll repeatability --out $compareFile @runDirs 2>&1)
    $compareExit = $LASTEXITCODE
    $comparison | ForEach-Object { Write-Host $_ -ForegroundColor $(if ($compareExit -eq 0) { 'Green' } else { 'Red' }) }
    Write-Host ("wall time {0}: {1:0.0} s for {2} runs ({3:0.0} s per run)" -f $t, $seconds, $runDirs.Count, ($seconds / $runDirs.Count))
    if ($compareExit -ne 0) { $script:changedTargets += $t }
}

function Exit-RepeatRun([string[]] $targets, [int] $runs) {
    Write-Host ''
    if ($script:unavailableTargets.Count -gt 0) {
        Write-Host "unavailable, not run: $($script:unavailableTargets -join ', ') (-AllowUnavailable lets it skip)" -ForegroundColor Red
        exit 3
    }
    if ($script:incompleteRuns.Count -gt 0) {
        Write-Host "runs did not reach their end: $($script:incompleteRuns -join ', ') (their test host was lost; see above)" -ForegroundColor Red
        exit 1
    }
    if ($script:changedTargets.Count -gt 0) {
        Write-Host "results changed between runs on: $($script:changedTargets -join ', ') (see above and <ReportDir>/<target>/repeatability.txt)" -ForegroundColor Red
        exit 1
    }
    Write-Host "every scenario gave the same status and trace in all $runs runs on: $($targets -join ', ')" -ForegroundColor Green
    if ($script:unexpectedTotal -gt 0) { Write-Host "($($script:unexpectedTotal) unexpected result(s) over all runs: not judged with -Repeat; see each run's summary)" -ForegroundColor Yellow }
    exit 0
}
