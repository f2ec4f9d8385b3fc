# Checks run-conformance.ps1's parameters before anything runs, dot-sourced by it: a bad value or combination is a usage
# error (exit 2) with a message that says why.

# -RepeatGiven: whether -Repeat was on the command line (an explicit -Repeat 0 or 1 is an error too).
function Assert-RunOptions([bool] $RepeatGiven) {
    if ($script:targets -contains 'command') {
        Write-Host 'the command target needs -Command "<template>"' -ForegroundColor Red
        exit 2
    }
    foreach ($p in $script:Profiles) {
        if ($knownProfiles -notcontains $p) { Write-Host "unknown profile '$p'; profiles: $($knownProfiles -join ', ')" -ForegroundColor Red; exit 2 }
    }
    if ($RepeatGiven -and $Repeat -lt 2) { Write-Host "-Repeat takes a number of runs of at least 2" -ForegroundColor Red; exit 2 }
    if ($Repeat -ge 2 -and $UpdateExpectations) { Write-Host "-UpdateExpectations cannot be combined with -Repeat (a list is re-pinned from one reviewed run)" -ForegroundColor Red; exit 2 }
    if ($Repeat -ge 2 -and $Accept) { Write-Host "-Accept cannot be combined with -Repeat (a verified snapshot is written once, from a reviewed run)" -ForegroundColor Red; exit 2 }
    if ($Parallel) {
        $why = [ordered]@{
            '-Accept'             = @($Accept, 'accepting writes the shared verified snapshots and provenance manifest, one target at a time')
            '-UpdateExpectations' = @($UpdateExpectations, 're-pinning writes the known-failure lists from one reviewed run per target')
            '-Repeat'             = @(($Repeat -ge 2), 'repeated runs are timed one target at a time')
            '-Detailed'           = @($Detailed, "several targets' full dotnet test output would interleave")
        }
        foreach ($name in $why.Keys) {
            if ($why[$name][0]) { Write-Host "-Parallel cannot be combined with ${name}: $($why[$name][1]). Run without -Parallel." -ForegroundColor Red; exit 2 }
        }
    }
    $dateForm = if ($Bisect) { '^\d{4}-\d{2}-\d{2}(\.\.\d{4}-\d{2}-\d{2})?$' } else { '^\d{4}-\d{2}-\d{2}$' }
    if ($CompatibilityDate -and $CompatibilityDate -notmatch $dateForm) { Write-Host "-CompatibilityDate takes YYYY-MM-DD (with -Bisect also YYYY-MM-DD..YYYY-MM-DD)" -ForegroundColor Red; exit 2 }
    if ($IncludePrereleases -and -not $Bisect) { Write-Host "-IncludePrereleases goes with -Bisect" -ForegroundColor Red; exit 2 }
    foreach ($mode in @(@('-Bisect', $Bisect), @('-History', $History))) {
        if (-not $mode[1]) { continue }
        foreach ($other in @(@('-Accept', $Accept), @('-UpdateExpectations', $UpdateExpectations), @('-Repeat', ($Repeat -ge 2)), @('-Parallel', $Parallel), @('-Explore', ($Explore -gt 0)))) {
            if ($other[1]) { Write-Host "$($mode[0]) cannot be combined with $($other[0])" -ForegroundColor Red; exit 2 }
        }
    }
    if ($Bisect -and $History) { Write-Host "-Bisect cannot be combined with -History" -ForegroundColor Red; exit 2 }
    if ($Shard -and $Shard -notmatch '^\s*\d+\s*/\s*\d+\s*$') { Write-Host "-Shard takes i/n, e.g. 2/4" -ForegroundColor Red; exit 2 }
}

# The `dotnet test --filter` expression of -Profile, -Requirement and -Filter, ANDed.
function Get-TestFilter {
    $parts = @()
    if ($script:Profiles.Count -gt 0) { $parts += '(' + (($script:Profiles | ForEach-Object { "Profile=$_" }) -join '|') + ')' }
    if ($script:Requirement.Count -gt 0) { $parts += '(' + (($script:Requirement | ForEach-Object { "Requirement=$_" }) -join '|') + ')' }
    if ($Filter) { $parts += "($Filter)" }
    $parts -join '&'
}

# Builds the specs and the report tool once; their output is shown only when the build fails (or with -Detailed).
function Invoke-Build {
    if ($NoBuild) { return }
    Write-Host "building the suite..." -ForegroundColor Cyan
    foreach ($project in $specs, $reportsProject) {
        $buildOutput = @(dotnet build $project --nologo -v quiet 2>&1)
        if ($Detailed -or $LASTEXITCODE -ne 0) { $buildOutput | ForEach-Object { Write-Host $_ } }
        if ($LASTEXITCODE -ne 0) { Write-Host "the build of $project failed" -ForegroundColor Red; exit 2 }
    }
}
