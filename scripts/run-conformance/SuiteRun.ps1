# The main path of run-conformance.ps1, dot-sourced by it: the script's parameters handed to `Conformance.Cli run`
# (tests/Conformance.Cli/Run/RunCommand.cs, issue 21 item 1), the one entry that checks the options, runs the suite on each
# target (-Repeat, -Parallel included), writes the reports and decides the exit code; the packaged tool
# `workers-als-conformance run` is the same entry.

# The bound parameters as `-Name value` (lists joined with ','; a switch only when on), as `run` and `check-options` read them.
function ConvertTo-RunArguments($bound) {
    foreach ($name in @($bound.Keys)) {
        $value = $bound[$name]
        $shown = if ($name -eq 'Profiles') { '-Profile' } else { "-$name" }
        if ($value -is [Management.Automation.SwitchParameter] -or $value -is [bool]) {
            if ($value) { $shown }
            continue
        }
        $shown
        if ($value -is [array]) { $value -join ',' } else { [string]$value }
    }
}

# `Conformance.Cli run` with the given arguments; returns its exit code. A SIGINT or SIGTERM is passed on to it (RunSignals.ForwardTo):
# it ends the run itself (kills its processes, marks the reports incomplete, removes its temp folder) with 130 or 143.
function Invoke-SuiteRun([string[]] $arguments) {
    $null = [Reflection.Assembly]::LoadFrom($reportsDll)
    # Started, not run in the foreground: a Ctrl-C that reaches a foreground native command makes PowerShell stop the script.
    $run = Start-Process -FilePath 'dotnet' -ArgumentList (Join-CommandLine (@($reportsDll, 'run') + $arguments)) -PassThru -NoNewWindow
    $null = $run.Handle # keeps the exit code readable after the process ends
    [Conformance.Cli.RunSignals]::ForwardTo($run)
    $run.WaitForExit()
    $run.ExitCode
}
