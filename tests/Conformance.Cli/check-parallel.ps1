#!/usr/bin/env pwsh
# Checks that run-conformance.ps1 -Parallel ends the same way as one target after another: the selection runs both ways into
# two report folders under the temp folder (built once, by the first), then the exit codes and the `Conformance.Cli console` output (the block of
# every unexpected result and the table, report folders masked) must be equal. Exit 0: the same; 1: they differ.
#
#   dotnet pwsh tests/Conformance.Cli/check-parallel.ps1 -Target reference,node -Filter 'ScenarioId~async-resource/'
param(
    [string[]] $Target = @('reference', 'workerd'),
    [string] $Filter = 'ScenarioId~run/'
)
$ErrorActionPreference = 'Stop'
$root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$runner = Join-Path $root 'run-conformance.ps1'
$reports = (dotnet msbuild (Join-Path $root 'tests/Conformance.Cli/Conformance.Cli.csproj') -getProperty:TargetPath -nologo | Select-Object -Last 1).Trim()
$base = Join-Path ([IO.Path]::GetTempPath()) "check-parallel-$PID"
$targets = @($Target | ForEach-Object { $_ -split ',' } | Where-Object { $_ })

$ends = foreach ($mode in 'sequential', 'parallel') {
    $dir = Join-Path $base $mode
    $clock = [Diagnostics.Stopwatch]::StartNew()
    if ($mode -eq 'parallel') { & $runner -NoBuild -Target $targets -Filter $Filter -ReportDir $dir -Parallel *> (Join-Path $base "$mode.log") }
    else { New-Item -ItemType Directory -Force $base | Out-Null; & $runner -Target $targets -Filter $Filter -ReportDir $dir *> (Join-Path $base "$mode.log") }
    $exit = $LASTEXITCODE
    $dirs = @($targets | ForEach-Object { Join-Path $dir (($_ -split ':', 2)[0]) })
    $text = (& dotnet $reports console @dirs) -join "`n"
    Write-Host ("{0}: exit {1}, {2:0.0} s" -f $mode, $exit, $clock.Elapsed.TotalSeconds)
    [pscustomobject]@{ Mode = $mode; Exit = $exit; Text = $text.Replace($dir, '<report dir>') }
}
if ($ends[0].Exit -ne $ends[1].Exit -or $ends[0].Text -ne $ends[1].Text) {
    Write-Host "-Parallel differs from sequential (logs and reports in $base)" -ForegroundColor Red
    Write-Host "--- sequential`n$($ends[0].Text)`n--- parallel`n$($ends[1].Text)"
    exit 1
}
Write-Host "-Parallel ends as sequential does: exit $($ends[0].Exit), the same console report:"
Write-Host $ends[0].Text
Remove-Item -Recurse -Force $base
exit 0
