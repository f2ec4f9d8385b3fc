# -History, dot-sourced by run-conformance.ps1: runs the selection on each -Target <runtime>@<version>, records
# docs/history.json and renders docs/history.md from it (`Conformance.Cli history`: PASS per profile per release, and each
# scenario whose outcome changed between consecutive releases of a runtime). Each release's report goes to
# <ReportDir>/history/<target>/.

function Invoke-History([string[]] $targets) {
    $bad = @($targets | Where-Object { $_ -notmatch '^[a-z]+@[0-9]' })
    if ($bad.Count -gt 0 -or $targets.Count -lt 2) {
        $why = if ($bad.Count -gt 0) { "not a <runtime>@<version>: $($bad -join ', ')" } else { "got $($targets.Count)" }
        Write-Host "-History takes two or more -Target <runtime>@<version> (e.g. bun@1.0.0,bun@1.3.0); $why" -ForegroundColor Red
        return 2
    }
    Invoke-Build
    Assert-TestFilter
    Set-RunSettings
    $command = "dotnet pwsh ./run-conformance.ps1 -History -Target $($targets -join ',')$(if ($testFilter) { " -Filter '$testFilter'" })"
    $historyArgs = @('history', '--releases', ($targets -join ','), '--report-dir', (Join-Path $reportRoot 'history'), '--command', $command)
    if ($testFilter) { $historyArgs += @('--filter', $testFilter) }
    dotnet $reportsDll @historyArgs | Out-Host
    $exit = $LASTEXITCODE
    if ($Compat -and -not (Write-CompatData @(Join-Path $reportRoot 'history'))) { return [Math]::Max($exit, 1) }
    $exit
}

# -Compat: `Conformance.Cli compat` over the given report folders (docs/compat.md); true when written.
function Write-CompatData([string[]] $dirs) {
    $output = @(dotnet $reportsDll compat --out $Compat @dirs 2>&1)
    $written = $LASTEXITCODE -eq 0
    $output | ForEach-Object { if ($written) { Write-Host $_ } else { Write-Host $_ -ForegroundColor Red } }
    $written
}
