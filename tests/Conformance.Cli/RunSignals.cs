using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Conformance.Cli;

/// <summary>
/// SIGINT and SIGTERM for run-conformance.ps1 (issue 18, item 1), which loads this assembly. PowerShell cannot be trusted with
/// them: it ignores a SIGINT while it waits for a process, stops the script (finally blocks included) when a Ctrl-C also reached
/// a child, and dies at once on a SIGTERM, leaving dotnet test, its runtimes and their folders behind with exit code 0 or 143.
/// So the whole cancelled ending happens here: the run's processes (the trees <see cref="Track"/> was given) are killed at once,
/// so nothing more is written by them; each started target's reports are marked incomplete (<see cref="IncompleteVerb"/>);
/// the run's temporary folder is removed; one line says how many scenarios ran; the process exits 130 (SIGINT) or 143 (SIGTERM).
/// </summary>
public static class RunSignals
{
    private static readonly List<(Process Process, string? ReportDir, string Label)> Tracked = [];
    private static readonly List<PosixSignalRegistration> Registrations = [];
    private static string? _signal;
    private static string? _temp;

    /// <summary>The first signal received (SIGINT, SIGTERM), or null.</summary>
    public static string? Signal => Volatile.Read(ref _signal);

    public static void Install()
    {
        lock (Tracked)
        {
            if (Registrations.Count > 0) return;
            foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
                Registrations.Add(PosixSignalRegistration.Create(signal, Handle));
        }
    }

    /// <summary>The run's own temporary folder, removed on a signal.</summary>
    public static void OwnTemp(string path) => Volatile.Write(ref _temp, path);

    /// <summary>A process whose tree is killed on a signal; with <paramref name="reportDir"/>, a target run whose reports are then marked.</summary>
    public static void Track(Process process, string? reportDir = null, string label = "")
    {
        lock (Tracked) Tracked.Add((process, reportDir, label));
        if (Signal is not null) Kill(process);
    }

    private static void Handle(PosixSignalContext context)
    {
        context.Cancel = true;
        if (Interlocked.CompareExchange(ref _signal, context.Signal.ToString(), null) is not null) return;
        (Process Process, string? ReportDir, string Label)[] tracked;
        lock (Tracked) tracked = [.. Tracked];
        foreach (var entry in tracked) Kill(entry.Process);
        foreach (var entry in tracked)
        {
            try { entry.Process.WaitForExit(15_000); }
            catch (InvalidOperationException) { }
        }
        var ran = 0;
        var runs = tracked.Where(t => t.ReportDir is not null).ToArray();
        foreach (var (_, dir, label) in runs)
        {
            try
            {
                var (lines, count) = IncompleteVerb.Mark(dir!, $"cancelled by {Signal}");
                ran += count;
                foreach (var line in lines) Console.WriteLine($"!! {label}: {line}");
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                Console.WriteLine($"!! {label}: the reports in {dir} could not be marked incomplete: {error.Message}");
            }
        }
        if (Volatile.Read(ref _temp) is { } temp && Directory.Exists(temp))
        {
            try { Directory.Delete(temp, recursive: true); }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException) { }
        }
        Console.WriteLine();
        Console.WriteLine($"CANCELLED by {Signal}: {ran} scenario(s) ran before it on {runs.Length} target run(s); their reports are marked " +
            "incomplete, no matrix or site was written, and nothing was accepted or re-pinned after the signal");
        Console.Out.Flush();
        Environment.Exit(Signal == nameof(PosixSignal.SIGTERM) ? 143 : 130);
    }

    /// <summary>
    /// For run-conformance.ps1 while `Conformance.Cli run` (which installs <see cref="Install"/> itself) does the run: a SIGINT or
    /// SIGTERM does not end PowerShell but is passed on to <paramref name="run"/>, whose own ending (130 or 143) the script returns.
    /// </summary>
    public static void ForwardTo(Process run)
    {
        lock (Tracked)
        {
            if (Registrations.Count > 0) return;
            foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
            {
                Registrations.Add(PosixSignalRegistration.Create(signal, context =>
                {
                    context.Cancel = true;
                    if (!run.HasExited) _ = SendSignal(run.Id, context.Signal == PosixSignal.SIGINT ? 2 : 15);
                    // PowerShell stops the script on a Ctrl-C all the same (exit 0): the run's own ending decides the exit code.
                    run.WaitForExit();
                    Console.Out.Flush();
                    Environment.Exit(run.ExitCode);
                }));
            }
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    private static void Kill(Process process)
    {
        try { process.Kill(entireProcessTree: true); }
        catch (Exception error) when (error is InvalidOperationException or System.ComponentModel.Win32Exception) { }
    }
}
