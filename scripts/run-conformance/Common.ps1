# Small helpers of run-conformance.ps1, dot-sourced by it.

function Split-List([string[]] $values) {
    @($values | ForEach-Object { $_ -split ',' } | ForEach-Object { $_.Trim() } | Where-Object { $_ })
}

function Write-Loud([string] $text) {
    Write-Host ''
    Write-Host ('!' * 78) -ForegroundColor Red
    Write-Host "!! $text" -ForegroundColor Red
    Write-Host ('!' * 78) -ForegroundColor Red
}

function Get-SafeName([string] $name) {
    $family = ($name -split ':', 2)[0]
    $safe = ($family -replace '[^A-Za-z0-9_.@-]', '-').Trim('-')
    if ($safe) { $safe } else { 'target' }
}

# One command line from a list, quoted the way .NET splits it back (Start-Process takes a single string).
function Join-CommandLine([string[]] $arguments) {
    ($arguments | ForEach-Object {
        if ($_ -and $_ -notmatch '[\s"]') { $_ }
        else { '"' + (($_ -replace '(\\*)"', '$1$1\"') -replace '(\\+)$', '$1$1') + '"' }
    }) -join ' '
}

