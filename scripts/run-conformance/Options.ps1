# The options of run-conformance.ps1, dot-sourced by it. Every option is checked by `Conformance.Cli check-options`
# (tests/Conformance.Cli/Run/RunOptions.cs and RunOptionRules.cs, the checker `run` and the packaged tool use): a bad value or
# combination is a usage error (exit 2) with a message that names the option and its value and says why (issue 18, item 2).
# What is left here serves the build, and -Explore, which the script still runs itself.

function Stop-Usage([string] $message) {
    Write-Host $message -ForegroundColor Red
    exit 2
}

# Builds the given projects (default: the specs and the report tool); their output is shown only when a build fails (or with -Detailed).
function Invoke-Build([string[]] $projects = @($specs, $reportsProject)) {
    if ($NoBuild) { return }
    if (-not (Get-Variable buildAnnounced -Scope Script -ErrorAction SilentlyContinue)) { Write-Host "building the suite..." -ForegroundColor Cyan }
    $script:buildAnnounced = $true
    foreach ($project in $projects) {
        $buildOutput = @(dotnet build $project --nologo -v quiet 2>&1)
        if ($Detailed -or $LASTEXITCODE -ne 0) { $buildOutput | ForEach-Object { Write-Host $_ } }
        if ($LASTEXITCODE -ne 0) { Write-Host "the build of $project failed" -ForegroundColor Red; exit 2 }
    }
}
