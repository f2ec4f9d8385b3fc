# What one run owns, dot-sourced by run-conformance.ps1 (issue 18, items 1 and 4): its report root, locked for the run's life
# (a second run there is refused; the lock is the operating system's, so a run that died holds nothing), and with -Accept or
# -UpdateExpectations the checkout's verified files and known-failure lists (.conformance-write.lock); a temporary folder of
# its own (TMPDIR of dotnet test, its host and the runtimes, removed at the end, cancelled or not); and report folders cleared
# of an earlier run's files before this run writes, so no stale file ever sits beside a partial one.

# Every file a target's run writes in its report folder (and the folder of received traces).
$runFiles = 'results.jsonl', 'selected.txt', 'selection.txt', 'in-flight.txt', 'not-run.txt', 'run-end.json', 'summary.md', 'junit.xml',
    'dotnet-test.log', 'dotnet-test.log.stderr', 'living-documentation.html', 'cucumber-messages.ndjson', 'repeatability.txt', 'received'

# Holds <folder>/<name>.lock for the run's life, or stops with $busy, its {owner} replaced by who holds it (<name>.owner).
function Lock-Folder([string] $folder, [string] $name, [string] $busy) {
    New-Item -ItemType Directory -Force -Path $folder | Out-Null
    $ownerPath = Join-Path $folder "$name.owner"
    try {
        $lock = [IO.File]::Open((Join-Path $folder "$name.lock"), [IO.FileMode]::OpenOrCreate, [IO.FileAccess]::ReadWrite, [IO.FileShare]::None)
    } catch {
        $owner = Get-Content $ownerPath -Raw -ErrorAction SilentlyContinue
        Stop-Usage ($busy -replace '\{owner\}', $(if ($owner) { " ($($owner.Trim()))" } else { '' }))
    }
    Set-Content -Path $ownerPath -Value "run-conformance.ps1, pid $PID, started $([DateTime]::UtcNow.ToString('u'))"
    $script:runLocks += $lock
}

# The report root, and with -Accept or -UpdateExpectations the checkout's verified files and lists, which runs with other
# report roots share.
function Enter-RunLock {
    $script:runLocks = @()
    Lock-Folder $reportRoot '.run' "another run{owner} is using the report folder ${reportRoot}: wait for it to end, or give this run its own -ReportDir"
    if ($Accept -or $UpdateExpectations) {
        Lock-Folder $root '.conformance-write' "another run{owner} is accepting snapshots or updating known-failure lists in this checkout: wait for it to end"
    }
}

function New-RunTemp {
    $script:outerTemp = $env:TMPDIR
    $script:runTemp = Join-Path ([IO.Path]::GetTempPath()) "conformance-run-$PID"
    New-Item -ItemType Directory -Force -Path $script:runTemp | Out-Null
    $env:TMPDIR = $script:runTemp
    [Conformance.Cli.RunSignals]::OwnTemp($script:runTemp)
}

# TMPDIR is given back first: every later dotnet process would make the folder again (its diagnostics socket lives there).
function Remove-RunTemp {
    if (-not $script:runTemp) { return }
    $env:TMPDIR = $script:outerTemp
    if (Test-Path $script:runTemp) { Remove-Item -Recurse -Force $script:runTemp -ErrorAction SilentlyContinue }
}

function Clear-RunFolder([string] $dir) {
    foreach ($file in $runFiles) { Remove-Item -Recurse -Force (Join-Path $dir $file) -ErrorAction SilentlyContinue }
}

# The reports across targets (the matrix, the site), written again at the end of a run that completes.
function Clear-RootReports {
    foreach ($file in 'matrix.md', 'matrix.html', 'index.html', 'site') { Remove-Item -Recurse -Force (Join-Path $reportRoot $file) -ErrorAction SilentlyContinue }
}
