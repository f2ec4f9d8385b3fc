# Expands `all` and checks each target before anything runs, dot-sourced by run-conformance.ps1.

# Returns the targets to run. Unknown names stop the run before anything runs (exit 2). An unavailable target is not run: it is
# added to $script:unavailableTargets and fails the run with exit code 3, unless -AllowUnavailable lets it run with every
# scenario skipped.
function Resolve-Targets([string[]] $names) {
    if ($names -contains 'all') {
        $all = @(dotnet $reportsDll targets)
        $names = @($names | ForEach-Object { if ($_ -eq 'all') { $all } else { $_ } } | Select-Object -Unique)
    }
    foreach ($t in $names) {
        $check = @(dotnet $reportsDll check $t 2>&1)
        switch ($LASTEXITCODE) {
            0 { if ($check) { Write-Host ($check -join "`n") -ForegroundColor Cyan } }
            3 {
                if ($AllowUnavailable) { Write-Loud "target $t is UNAVAILABLE here: every scenario will be skipped (-AllowUnavailable). $($check -join ' ')" }
                else { Write-Loud "target $t is UNAVAILABLE here: not run, the run fails (exit code 3; -AllowUnavailable lets it skip). $($check -join ' ')"; $script:unavailableTargets += $t }
            }
            default { Write-Host ($check -join "`n") -ForegroundColor Red; exit 2 }
        }
    }
    @($names | Where-Object { $script:unavailableTargets -notcontains $_ })
}
