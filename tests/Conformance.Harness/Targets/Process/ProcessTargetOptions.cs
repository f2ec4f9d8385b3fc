namespace Conformance.Harness.Targets.Process;

/// <summary>Limits every process target applies to one run. The defaults suit the suite; tests lower them.</summary>
public sealed record ProcessTargetOptions
{
    public static ProcessTargetOptions Default { get; } = new();

    /// <summary>Characters of standard output read per run (trace and other lines); beyond it the process is stopped and the run is a crash.</summary>
    public long MaxOutputChars { get; init; } = 16 * 1024 * 1024;

    /// <summary>Characters in one output line; a longer line counts as runaway output like <see cref="MaxOutputChars"/>.</summary>
    public int MaxLineChars { get; init; } = 1024 * 1024;

    /// <summary>How many of the last standard-error lines a crash or timeout reports.</summary>
    public int StderrTailLines { get; init; } = 20;

    /// <summary>How long a runtime may keep running after the driver wrote `end` (waitUntil work) before it is stopped.</summary>
    public TimeSpan GraceAfterEnd { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Whether each runtime process runs in the <see cref="Sandbox"/> (issue 18 item 3): by default unless
    /// CONFORMANCE_SANDBOX=off. Tests turn it off only to show what a program does without it.
    /// </summary>
    public bool Sandboxed { get; init; } = Sandbox.Enabled;

    /// <summary>Time allowed for the one-off `npm ci --prefix targets` when the pinned runtimes are missing.</summary>
    public TimeSpan InstallTimeout { get; init; } = TimeSpan.FromMinutes(10);
}
