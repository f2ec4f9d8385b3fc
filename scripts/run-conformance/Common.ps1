# Small helpers of run-conformance.ps1, dot-sourced by it.

function Split-List([string[]] $values) {
    @($values | ForEach-Object { $_ -split ',' } | ForEach-Object { $_.Trim() } | Where-Object { $_ })
}

# One command line from a list, quoted the way .NET splits it back (Start-Process takes a single string).
function Join-CommandLine([string[]] $arguments) {
    ($arguments | ForEach-Object {
        if ($_ -and $_ -notmatch '[\s"]') { $_ }
        else { '"' + (($_ -replace '(\\*)"', '$1$1\"') -replace '(\\+)$', '$1$1') + '"' }
    }) -join ' '
}

