using System.Globalization;

namespace PerfTiming;

/// <summary>What the machine was doing while a script measured: the load average (1, 5, 15 minutes) and the cores.</summary>
public static class Machine
{
    public static string LoadAverage()
    {
        const string path = "/proc/loadavg";
        if (!File.Exists(path)) return "unknown (no /proc/loadavg)";
        var fields = File.ReadAllText(path).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length >= 3 ? string.Join(" ", fields.Take(3)) : "unknown";
    }

    public static string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"cores: {Environment.ProcessorCount}, load average (1/5/15 min): {LoadAverage()}");
}
