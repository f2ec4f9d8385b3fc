# -Watch, dot-sourced by run-conformance.ps1 (issue 22, item 1): asks npm for the releases of each pinned target's line newer
# than its pin (targets/package.json), runs the selection on the newest of each, and prints per target whether its results are
# the pin's or which scenarios changed, with their diffs (`Conformance.Cli watch`, tests/Conformance.Harness/Releases/ReleaseWatch.cs).
# -Target names the pinned targets to watch (default: every one, or those -Since names). -Since <runtime>@<release>[..<release>]
# compares with a run of that release instead of the pin's list. For workerd each changed scenario gets a flag finding (not with
# -NoFlagFinding). Reports: <ReportDir>/watch/ (watch.md, a run per release, flag-finding/).
# Exit code: 0 nothing changed, 1 a status changed or a release did not run, 2 usage, 3 only known failures' traces changed.

function Invoke-Watch([string[]] $targets, [bool] $targetGiven) {
    Invoke-Build
    Set-RunSettings
    $watchArgs = @('watch', '--report-dir', (Join-Path $reportRoot 'watch'))
    if ($targetGiven) { foreach ($t in $targets) { $watchArgs += @('--target', $t) } }
    foreach ($s in $Since) { $watchArgs += @('--since', $s) }
    if ($NoFlagFinding) { $watchArgs += '--no-flag-finding' }
    if ($testFilter) { $watchArgs += @('--filter', $testFilter) }
    if ($CompatibilityDate) { $watchArgs += @('--compatibility-date', $CompatibilityDate) }
    dotnet $reportsDll @watchArgs | Out-Host
    $LASTEXITCODE
}
