# What one run of -Explore owns, dot-sourced by run-conformance.ps1 (issue 18, item 4): its report
# root, locked for the run's life by Conformance.Cli's RunLock (tests/Conformance.Cli/Run/RunLock.cs), the lock `run` takes for every
# other mode; a second run there is refused (exit 2).

function Enter-RunLock {
    $null = [Reflection.Assembly]::LoadFrom($reportsDll)
    try { [Conformance.Cli.Run.RunLock]::Enter($reportRoot, $false, $root, 'run-conformance.ps1') }
    catch { $e = $_.Exception; if ($e.InnerException) { $e = $e.InnerException }; Stop-Usage $e.Message }
}
