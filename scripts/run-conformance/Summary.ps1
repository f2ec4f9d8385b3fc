# The end of a run, dot-sourced by run-conformance.ps1: the unexpected results, the table and the requirement table across
# targets (`Conformance.Cli console` and `requirement-table`), the living-documentation site over the run's targets (`site`, one line:
# its path; docs/living-documentation.md), why each skip was skipped (`skips`), the wall time, and the exit code (see
# run-conformance.ps1's header).

# The skipped count in a target's dotnet-test.log (the console logger's closing block: "Total tests: N", then "Passed: N",
# "Skipped: N" where any were), or $null without a closing block (the test host died, or -Detailed wrote no log).
function Get-ReportedSkips([string] $dir) {
    $log = Join-Path $dir 'dotnet-test.log'
    if (-not (Test-Path $log)) { return $null }
    $lines = @(Get-Content $log)
    $start = -1
    for ($i = 0; $i -lt $lines.Count; $i++) { if ($lines[$i] -match '^Total tests: *\d+') { $start = $i } }
    if ($start -lt 0) { return $null }
    $skipped = 0
    foreach ($line in $lines[$start..($lines.Count - 1)]) { if ($line -match '^ +Skipped: *(\d+)') { $skipped = [int]$Matches[1] } }
    $skipped
}

# Why each skipped row was skipped, over the run's targets (`Conformance.Cli skips`): a known failure, NOT-APPLICABLE, or an
# unavailable target let through by -AllowUnavailable; reconciled with the skips dotnet test reported (not with -Shard, whose
# other shards' rows are skipped without a result). Returns $false when a skip is unexplained: nothing that did not run passes.
function Show-SkipBreakdown {
    $skipArgs = @('skips')
    if ($AllowUnavailable) { foreach ($t in $script:targets) { $skipArgs += @('--environment', $t) } }
    $reported = @($script:reportDirs | ForEach-Object { Get-ReportedSkips $_ })
    if (-not $Shard -and -not $Detailed -and $reported.Count -eq $script:reportDirs.Count) {
        $skipArgs += @('--xunit-skipped', [string](($reported | Measure-Object -Sum).Sum))
    }
    $lines = @(dotnet $reportsDll @skipArgs @($script:reportDirs) 2>&1)
    $explained = $LASTEXITCODE -eq 0
    $lines | ForEach-Object { if ($explained) { Write-Host $_ } else { Write-Host $_ -ForegroundColor Red } }
    $explained
}

function Exit-Run([string[]] $targets, [double] $seconds) {
    if ($script:reportDirs.Count -gt 0) {
        Write-Host ''
        dotnet $reportsDll console @($script:reportDirs) | Out-Host
    }
    # A run that did not reach its end on some target gets no requirement table and no site: they would present partial results as whole.
    $whole = $script:incompleteRuns.Count -eq 0
    if ($targets.Count -gt 1 -and $whole) {
        dotnet $reportsDll requirement-table --out $reportRoot @($script:reportDirs) | Out-Host
    }
    $siteFailed = $false
    if ($script:reportDirs.Count -gt 0 -and $whole) {
        $site = @(dotnet $reportsDll site --out $reportRoot @($script:reportDirs) 2>&1)
        if ($LASTEXITCODE -eq 0) { $site | Out-Host }
        else { $siteFailed = $true; $site | ForEach-Object { Write-Host $_ -ForegroundColor Red } }
    }
    $compatFailed = $false
    if ($Compat -and $script:reportDirs.Count -gt 0 -and $whole) { $compatFailed = -not (Write-CompatData @($script:reportDirs)) }
    $skipsExplained = if ($script:reportDirs.Count -gt 0) { Show-SkipBreakdown } else { $true }
    Write-Host ("wall time: {0:0.0} s{1}" -f $seconds, $(if ($Parallel) { ' (targets in parallel)' } else { '' }))

    Write-Host ''
    if ($script:unavailableTargets.Count -gt 0) {
        Write-Host "unavailable, not run: $($script:unavailableTargets -join ', '); nothing that did not run passes (-AllowUnavailable lets it skip)" -ForegroundColor Red
        exit 3
    }
    if ($script:incompleteRuns.Count -gt 0) {
        Write-Host "the run did not reach its end on: $($script:incompleteRuns -join ', ') (its test host was lost; the rows in flight and those not run are named above; no requirement table or site was written)" -ForegroundColor Red
        exit 1
    }
    if ($script:resultsTotal -eq 0 -and $script:failedRuns.Count -eq 0 -and $targets.Count -gt 0) {
        # A selection that matches nothing ran nothing, so nothing passed: a usage error, not "every result is as expected".
        Write-Host "no scenario was selected$(if ($testFilter) { " by the filter $testFilter" })$(if ($Shard) { " in shard $Shard" }): nothing ran (exit code 2)" -ForegroundColor Red
        exit 2
    }
    if ($script:failedRuns.Count -gt 0) {
        Write-Host "dotnet test failed without an unexpected scenario result for: $($script:failedRuns -join ', ') (see the output above)" -ForegroundColor Red
        exit 1
    }
    if (-not $skipsExplained) {
        Write-Host 'a skip is neither a known failure, NOT-APPLICABLE, nor an unavailable target let through (above)' -ForegroundColor Red
        exit 1
    }
    if ($script:runFailures.Count -gt 0) {
        Write-Host "the run failed outside the scenarios' results (the RUN FAILURE lines above): $($script:runFailures -join ', ')" -ForegroundColor Red
        exit 1
    }
    if ($compatFailed) {
        Write-Host "the compatibility data could not be written to $Compat (see above)" -ForegroundColor Red
        exit 1
    }
    if ($siteFailed) {
        Write-Host 'the living-documentation site could not be written (see above)' -ForegroundColor Red
        exit 1
    }
    if ($script:unexpectedTotal -gt 0) {
        Write-Host "$($script:unexpectedTotal) unexpected result(s)" -ForegroundColor Red
        exit 1
    }
    Write-Host 'every result is as expected' -ForegroundColor Green
    exit 0
}

# -Compat: `Conformance.Cli compat` over the given report folders (docs/compat.md); true when written.
function Write-CompatData([string[]] $dirs) {
    $output = @(dotnet $reportsDll compat --out $Compat @dirs 2>&1)
    $written = $LASTEXITCODE -eq 0
    $output | ForEach-Object { if ($written) { Write-Host $_ } else { Write-Host $_ -ForegroundColor Red } }
    $written
}
