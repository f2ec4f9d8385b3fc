using System.Runtime.InteropServices;

namespace PerfTiming;

/// <summary>
/// CPU time (user + system) from getrusage(2): this process's own (every thread: the harness) and that of its children
/// that have ended and been waited for (.NET waits for every process it starts, so each runtime process counts once it exits).
/// </summary>
public static partial class ProcessCpu
{
    private const int Self = 0;
    private const int Children = -1;

    public static TimeSpan OwnTime() => Read(Self);

    public static TimeSpan ChildrenTime() => Read(Children);

    private static TimeSpan Read(int who)
    {
        if (!OperatingSystem.IsLinux()) throw new PlatformNotSupportedException("getrusage is read on Linux only");
        if (GetRusage(who, out var usage) != 0) throw new InvalidOperationException($"getrusage({who}) failed: errno {Marshal.GetLastPInvokeError()}");
        return TimeSpan.FromMicroseconds(usage.UserSeconds * 1_000_000 + usage.UserMicroseconds + usage.SystemSeconds * 1_000_000 + usage.SystemMicroseconds);
    }

    // struct rusage on 64-bit Linux: two struct timeval (ru_utime, ru_stime), then 14 longs this class does not read.
    [StructLayout(LayoutKind.Sequential)]
    private struct Rusage
    {
        public long UserSeconds, UserMicroseconds, SystemSeconds, SystemMicroseconds;
        public long R0, R1, R2, R3, R4, R5, R6, R7, R8, R9, R10, R11, R12, R13;
    }

    [LibraryImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static partial int GetRusage(int who, out Rusage usage);
}
