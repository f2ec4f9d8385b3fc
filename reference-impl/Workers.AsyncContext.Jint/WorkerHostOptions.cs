namespace Workers.AsyncContext.Jint;

/// <summary>How a worker runs: its compatibility date, its sandbox limits and where console lines go.</summary>
public sealed class WorkerHostOptions
{
    /// <summary>workerd compatibility date, "YYYY-MM-DD" (see <see cref="CompatibilityFlags"/>).</summary>
    public string CompatibilityDate { get; init; } = "2026-11-17";

    /// <summary>Wall-clock budget for the whole run (the event loop's clock is virtual; this one is real).</summary>
    public TimeSpan WallClockTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Jint memory limit (bytes allocated by the engine thread).</summary>
    public long MemoryLimitBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Maximum JavaScript call depth.</summary>
    public int MaxRecursionDepth { get; init; } = 2000;

    /// <summary>Maximum statements executed per engine entry.</summary>
    public long MaxStatements { get; init; } = 50_000_000;

    /// <summary>One call per line of console.log/info/debug output.</summary>
    public Action<string> Stdout { get; init; } = _ => { };

    /// <summary>One call per line of console.warn/error output and host diagnostics (uncaught errors).</summary>
    public Action<string> Stderr { get; init; } = _ => { };
}
