# A run that does not reach its end, dot-sourced by run-conformance.ps1 (issue 18, items 1 and 5).
#
# Cancelled (SIGINT, SIGTERM): Conformance.Cli's RunSignals (tests/Conformance.Cli/RunSignals.cs), loaded into this PowerShell,
# ends the run itself: it kills every process tree the run started (the test host freezes accept and update on the same signal:
# ConformanceRun.End.cs), marks each started target's reports incomplete (summary.md says so and names the rows in flight and
# those not run), removes the run's temporary folder, says how many scenarios ran, and exits 130 (SIGINT) or 143 (SIGTERM).
# Lost test host (no run-end.json after dotnet test ended): the same marking, then the run fails (exit 1, Summary.ps1).

function Install-RunSignals {
    $null = [Reflection.Assembly]::LoadFrom($reportsDll)
    [Conformance.Cli.RunSignals]::Install()
}

function Test-RunCancelled {
    $null -ne ('Conformance.Cli.RunSignals' -as [type]) -and $null -ne [Conformance.Cli.RunSignals]::Signal
}

# Once a signal came, RunSignals' handler owns the ending (its exit code, 130 or 143): the script's own thread must not reach
# Exit-Run's `exit` first, which would end the process with the exit code of a run that did not finish.
function Wait-CancelledEnd {
    if (-not (Test-RunCancelled)) { return }
    while ($true) { Start-Sleep -Milliseconds 100 }
}

# Rewrites a run's summary.md as incomplete, says why on the console, and returns how many scenarios it ran.
function Write-IncompleteRun($run, [string] $reason) {
    $lines = @(dotnet $reportsDll incomplete --reason $reason $run.Dir 2>&1)
    $lines | ForEach-Object { Write-Loud "$($run.Target)$($run.Label): $_" }
    $results = Join-Path $run.Dir 'results.jsonl'
    if (Test-Path $results) { @(Get-Content $results | Where-Object { $_.Trim() }).Count } else { 0 }
}
