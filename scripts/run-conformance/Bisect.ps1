# -Bisect, dot-sourced by run-conformance.ps1: for each selected scenario, the first release where its outcome (status and
# trace digest) changed, by binary search over the releases npm publishes in -Target <runtime>@<from>..<to> (pre-releases with
# -IncludePrereleases), or over the days of -CompatibilityDate <from>..<to> on one target. The logic is C#
# (tests/Conformance.Harness/Releases/Bisector.cs, run by `Conformance.Cli bisect`); each release's report goes to
# <ReportDir>/bisect/<target>/. Exit code: 0 an answer per scenario, 1 more than one change or an unresolved gap, 2 usage,
# 3 fewer than two releases start.

function Invoke-Bisect([string[]] $targets) {
    $usage = '-Bisect takes one -Target <runtime>@<from>..<to> (e.g. bun@1.0.0..1.4.5), or one target with -CompatibilityDate <from>..<to>, and a selection (-Filter, -Profile or -Requirement)'
    if ($targets.Count -ne 1) { Write-Host $usage -ForegroundColor Red; return 2 }
    if (-not $testFilter) { Write-Host "$usage; without one it would run every scenario on each release" -ForegroundColor Red; return 2 }
    $bisectArgs = @('bisect', '--filter', $testFilter, '--report-dir', (Join-Path $reportRoot 'bisect'))
    if ($targets[0] -match '\.\.') {
        if ($CompatibilityDate) { Write-Host '-Bisect over releases runs each at its own default date; drop -CompatibilityDate' -ForegroundColor Red; return 2 }
        $bisectArgs += @('--range', $targets[0])
        if ($IncludePrereleases) { $bisectArgs += '--include-prereleases' }
    } elseif ($CompatibilityDate -match '\.\.') {
        $bisectArgs += @('--target', $targets[0], '--dates', $CompatibilityDate)
    } else { Write-Host $usage -ForegroundColor Red; return 2 }
    Invoke-Build
    Assert-TestFilter
    Set-RunSettings
    dotnet $reportsDll @bisectArgs | Out-Host
    $LASTEXITCODE
}
