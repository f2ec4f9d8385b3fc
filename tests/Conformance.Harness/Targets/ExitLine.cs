namespace Conformance.Harness.Targets;

/// <summary>
/// TF-13: the last line of a completed trace, written by the target, saying how the runtime finished. Its words are
/// normalised so that runtimes that behave alike give the same line.
/// </summary>
public static class ExitLine
{
    public const string Ok = "exit: ok";
    public const string TestFailed = "exit: test failed";
    public const string LoadFailed = "exit: load failed";
    public const string StoppedAfterEnd = "exit: stopped after end";

    public static string Code(int code) => $"exit: code {code}";

    public static string Signal(int signal) => $"exit: signal {SignalName(signal)}";

    /// <summary>
    /// A process run: a signal or an exit code other than 0 and 1 describes the whole process and wins; then a load
    /// error; then the program's own report (`[ PASS ] name` / `[ FAIL ] name` on standard error, as `workerd test`
    /// prints one per service); without a report, the exit code.
    /// </summary>
    public static string ForProcess(int? exitCode, bool loadError, bool? reportPassed)
    {
        if (exitCode is not { } code) return StoppedAfterEnd;
        if (!OperatingSystem.IsWindows() && code > 128 && code < 128 + 65) return Signal(code - 128);
        if (code is not (0 or 1)) return Code(code);
        if (loadError) return LoadFailed;
        return reportPassed switch
        {
            true => Ok,
            false => TestFailed,
            null => Code(code),
        };
    }

    public static string SignalName(int signal) => signal switch
    {
        1 => "SIGHUP", 2 => "SIGINT", 3 => "SIGQUIT", 4 => "SIGILL", 5 => "SIGTRAP", 6 => "SIGABRT", 7 => "SIGBUS",
        8 => "SIGFPE", 9 => "SIGKILL", 10 => "SIGUSR1", 11 => "SIGSEGV", 12 => "SIGUSR2", 13 => "SIGPIPE",
        14 => "SIGALRM", 15 => "SIGTERM",
        _ => $"{signal}",
    };
}
