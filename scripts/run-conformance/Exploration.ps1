# -Explore: differential exploration instead of the suite (tools/Conformance.Explore, issue 9), dot-sourced by
# run-conformance.ps1. Each -Target is explored against workerd; returns the worst of the explorations' exit codes.
# -Shard i/n splits the programs by index; `dotnet run --project tools/Conformance.Explore -- merge` joins shard reports.

function Invoke-Exploration([string[]] $targets) {
    $exploreProject = Join-Path $root 'tools/Conformance.Explore/Conformance.Explore.csproj'
    if (-not $NoBuild) {
        dotnet build $exploreProject --nologo -v quiet | Out-Host
        if ($LASTEXITCODE -ne 0) { Write-Host 'the build of the explorer failed' -ForegroundColor Red; return 2 }
    }
    $worst = 0
    foreach ($t in $targets) {
        $exploreArgs = @('explore', '--target', $t, '--count', $Explore, '--seed', $Seed, '--report-dir', $reportRoot)
        if ($Shard) { $exploreArgs += @('--shard', $Shard) }
        if ($Timeout -gt 0) { $exploreArgs += @('--timeout', $Timeout) }
        if ($Parallelism -gt 0) { $exploreArgs += @('--parallelism', $Parallelism) }
        dotnet run --no-build --project $exploreProject -- @exploreArgs | Out-Host
        if ($LASTEXITCODE -gt $worst) { $worst = $LASTEXITCODE }
    }
    $worst
}
