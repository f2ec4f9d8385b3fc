# Checks run-conformance.ps1's parameters before anything runs, dot-sourced by it: a bad value or combination is a usage
# error (exit 2) with a message that names the option and its value and says why (issue 18, item 2).

function Stop-Usage([string] $message) {
    Write-Host $message -ForegroundColor Red
    exit 2
}

# Whether $text is a real calendar date written YYYY-MM-DD (2025-02-30 is not).
function Test-Date([string] $text) {
    $day = [datetime]::MinValue
    $text -match '^\d{4}-\d{2}-\d{2}$' -and [datetime]::TryParseExact($text, 'yyyy-MM-dd', [Globalization.CultureInfo]::InvariantCulture,
        [Globalization.DateTimeStyles]::None, [ref] $day)
}

# Each option given on the command line, checked alone: a blank or empty value, a list that names nothing or names a target
# twice, a number outside its range, an impossible shard or date. $bound: the script's $PSBoundParameters.
function Assert-OptionValues($bound) {
    $names = @{ Profiles = '-Profile' }
    foreach ($list in 'Target', 'Profiles', 'Requirement', 'CompatibilityFlags') {
        if ($bound.ContainsKey($list) -and @(Split-List $bound[$list]).Count -eq 0) {
            $shown = if ($names[$list]) { $names[$list] } else { "-$list" }
            Stop-Usage "$shown '$($bound[$list] -join ',')' names nothing: give at least one value, or leave the option out"
        }
    }
    foreach ($text in 'Command', 'Filter', 'Shard', 'ReportDir', 'CompatibilityDate', 'AcceptFrom', 'RuntimeCache') {
        if ($bound.ContainsKey($text) -and -not ([string]$bound[$text]).Trim()) { Stop-Usage "-$text '$($bound[$text])' is empty: give a value, or leave the option out" }
    }
    $repeated = @($script:targets | Group-Object | Where-Object Count -gt 1 | ForEach-Object Name)
    if ($repeated.Count -gt 0) { Stop-Usage "-Target '$($Target -join ',')' names $($repeated -join ', ') more than once" }
    foreach ($r in $script:Requirement) {
        if ($r -notmatch '^[A-Za-z][A-Za-z0-9]*(-[A-Za-z0-9]+)+$') { Stop-Usage "-Requirement '$r' is not a requirement id (e.g. ALS-RUN-3)" }
    }
    # Each number's range: below it is meaningless, above it is a typo (an hour per scenario, a thousand repeats).
    $ranges = [ordered]@{
        Timeout     = @(0.001, 3600, 'seconds per scenario')
        Parallelism = @(1, 256, 'scenarios at once')
        Repeat      = @(2, 1000, 'a number of runs')
        Explore     = @(1, 1000000, 'a number of programs')
    }
    foreach ($name in @($ranges.Keys) + 'Seed') {
        if (-not $bound.ContainsKey($name)) { continue }
        $value = [double]::NaN
        $whole = $name -ne 'Timeout'
        $style = if ($whole) { [Globalization.NumberStyles]::AllowLeadingSign } else { [Globalization.NumberStyles]::Float }
        $isNumber = [double]::TryParse(([string]$bound[$name]).Trim(), $style, [Globalization.CultureInfo]::InvariantCulture, [ref] $value)
        if ($name -eq 'Seed') {
            $seed = [long]0
            if (-not [long]::TryParse(([string]$bound[$name]).Trim(), [ref] $seed)) { Stop-Usage "-Seed '$($bound[$name])' is not a whole number" }
            continue
        }
        $low, $high, $what = $ranges[$name]
        if (-not $isNumber) { Stop-Usage "-$name '$($bound[$name])' is not a$(if ($whole) { ' whole' }) number: it takes $what" }
        if (-not ($value -ge $low -and $value -le $high)) {
            $from = if ($name -eq 'Timeout') { 'more than 0' } else { "at least $low" }
            Stop-Usage "-$name $($bound[$name]): takes $what, $from and at most $high"
        }
    }
    if ($Shard) {
        if ($Shard -notmatch '^\s*(\d+)\s*/\s*(\d+)\s*$' -or [double]$Matches[2] -lt 1 -or [double]$Matches[1] -lt 1 -or [double]$Matches[1] -gt [double]$Matches[2] -or [double]$Matches[2] -gt 10000) {
            Stop-Usage "-Shard '$Shard' is not a shard: write i/n with 1 <= i <= n <= 10000, e.g. 2/4"
        }
    }
    if ($CompatibilityDate) {
        $ends = @($CompatibilityDate -split '\.\.', 2)
        $form = if ($Bisect) { 'YYYY-MM-DD (with -Bisect also YYYY-MM-DD..YYYY-MM-DD)' } else { 'YYYY-MM-DD' }
        if (($ends.Count -eq 2 -and -not $Bisect) -or @($ends | Where-Object { -not (Test-Date $_) }).Count -gt 0) {
            Stop-Usage "-CompatibilityDate '$CompatibilityDate' is not a date: it takes a calendar date written $form"
        }
        if ($ends.Count -eq 2 -and $ends[0] -gt $ends[1]) { Stop-Usage "-CompatibilityDate '$CompatibilityDate': the range ends before it starts" }
    }
    foreach ($flag in $script:CompatibilityFlags) {
        if ($flag -notmatch '^[a-z0-9_]+$') { Stop-Usage "-CompatibilityFlags '$flag' is not a compatibility flag name (lower case, digits and '_')" }
    }
    if ($AcceptFrom -and -not $Accept) { Stop-Usage "-AcceptFrom '$AcceptFrom' goes with -Accept" }
    # The checked numbers, typed from here on (a cast on assignment changes the variable's type).
    [double] $script:Timeout = $Timeout.Trim()
    [int] $script:Parallelism = $Parallelism.Trim()
    [int] $script:Repeat = $Repeat.Trim()
    [int] $script:Explore = $Explore.Trim()
    [long] $script:Seed = $Seed.Trim()
}

# Checks a -Filter (with -Profile and -Requirement) with VSTest's grammar (`Conformance.Cli filter`), once the tool is built:
# a malformed filter would otherwise run nothing and be reported as "no scenario selected".
function Assert-TestFilter {
    # -Filter alone first, so the cause's position is in the user's own text.
    foreach ($expression in @($Filter, $testFilter) | Where-Object { $_ }) {
        $check = @(dotnet $reportsDll filter $expression 2>&1)
        if ($LASTEXITCODE -ne 0) { Stop-Usage ($check -join "`n") }
    }
}

# Combinations of options, and the values that depend on another option.
function Assert-RunOptions($bound) {
    Assert-OptionValues $bound
    if ($script:targets -contains 'command') {
        Write-Host 'the command target needs -Command "<template>"' -ForegroundColor Red
        exit 2
    }
    foreach ($p in $script:Profiles) {
        if ($knownProfiles -notcontains $p) { Write-Host "unknown profile '$p'; profiles: $($knownProfiles -join ', ')" -ForegroundColor Red; exit 2 }
    }
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
    if (($Since.Count -gt 0 -or $NoFlagFinding) -and -not $Watch) { Write-Host "-Since and -NoFlagFinding go with -Watch" -ForegroundColor Red; exit 2 }
    if ($IncludePrereleases -and -not $Bisect) { Write-Host "-IncludePrereleases goes with -Bisect" -ForegroundColor Red; exit 2 }
    foreach ($mode in @(@('-Bisect', $Bisect), @('-History', $History))) {
        if (-not $mode[1]) { continue }
        foreach ($other in @(@('-Accept', $Accept), @('-UpdateExpectations', $UpdateExpectations), @('-Repeat', ($Repeat -ge 2)), @('-Parallel', $Parallel), @('-Explore', ($Explore -gt 0)))) {
            if ($other[1]) { Write-Host "$($mode[0]) cannot be combined with $($other[0])" -ForegroundColor Red; exit 2 }
        }
    }
    if ($Bisect -and $History) { Write-Host "-Bisect cannot be combined with -History" -ForegroundColor Red; exit 2 }
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
