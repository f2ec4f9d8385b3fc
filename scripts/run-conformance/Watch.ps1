# -Watch, dot-sourced by run-conformance.ps1 (issue 22, item 1): asks npm for the releases of each pinned target's line newer
# than its pin (targets/package.json), runs the selection on the newest of each, and prints per target whether its results are
# the pin's or which scenarios changed, with their diffs (`Conformance.Cli watch`, tests/Conformance.Harness/Releases/ReleaseWatch.cs).
# -Target names the pinned targets to watch (default: every one). Reports: <ReportDir>/watch/ (watch.md and a run per release).
# Exit code: 0 nothing changed, 1 something changed or a release did not run, 2 usage.

function Invoke-Watch([string[]] $targets, [bool] $targetGiven) {
    Invoke-Build
    Set-RunSettings
    $watchArgs = @('watch', '--report-dir', (Join-Path $reportRoot 'watch'))
    if ($targetGiven) { foreach ($t in $targets) { $watchArgs += @('--target', $t) } }
    if ($testFilter) { $watchArgs += @('--filter', $testFilter) }
    if ($CompatibilityDate) { $watchArgs += @('--compatibility-date', $CompatibilityDate) }
    dotnet $reportsDll @watchArgs | Out-Host
    $LASTEXITCODE
}
