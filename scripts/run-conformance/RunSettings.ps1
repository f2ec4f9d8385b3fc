# The settings -Bisect, -History and -Watch run the suite with, dot-sourced by run-conformance.ps1: as environment variables
# (tests/Conformance.Harness/Execution/ConformanceSettings.cs), set afresh (what an earlier run left is cleared first). The main
# path's runs get theirs from `Conformance.Cli run` (tests/Conformance.Cli/Run/TargetRun.cs). A -CompatibilityDate range is
# -Bisect's own axis, not a setting.

$variables = 'CONFORMANCE_TARGET', 'CONFORMANCE_ACCEPT', 'CONFORMANCE_ACCEPT_FROM', 'CONFORMANCE_REPORT_DIR', 'CONFORMANCE_SHARD', 'CONFORMANCE_TIMEOUT_SECONDS', 'CONFORMANCE_PARALLELISM',
    'CONFORMANCE_ALLOW_UNAVAILABLE', 'CONFORMANCE_UPDATE_EXPECTATIONS', 'CONFORMANCE_COMPATIBILITY_DATE', 'CONFORMANCE_COMPATIBILITY_FLAGS',
    'CONFORMANCE_NO_BATCH'

function Set-RunSettings {
    foreach ($v in $variables) { Remove-Item "Env:$v" -ErrorAction SilentlyContinue }
    if ($Timeout -gt 0) { $env:CONFORMANCE_TIMEOUT_SECONDS = [string]$Timeout }
    if ($Parallelism -gt 0) { $env:CONFORMANCE_PARALLELISM = [string]$Parallelism }
    if ($CompatibilityDate -and $CompatibilityDate -notmatch '\.\.') { $env:CONFORMANCE_COMPATIBILITY_DATE = $CompatibilityDate }
    if ($CompatibilityFlags.Count -gt 0) { $env:CONFORMANCE_COMPATIBILITY_FLAGS = $CompatibilityFlags -join ',' }
    if ($NoBatch) { $env:CONFORMANCE_NO_BATCH = '1' }
}
