using System.Globalization;

namespace Conformance.Harness.Targets;

/// <summary>What every target reads off a runtime's output (spec/trace-format.md).</summary>
public static class TraceProtocol
{
    /// <summary>TF-1: a trace line is a line of standard output that starts with this (the space included).</summary>
    public const string Prefix = "@@trace ";

    /// <summary>TF-9: the driver's last line.</summary>
    public const string End = "end";

    /// <summary>TF-10: the line a target writes when the worker fails to load.</summary>
    public const string LoadErrorPrefix = "load error: ";

    /// <summary>The source line of targets/driver/trace.mjs that defines the prefix; a batch rewrites it per program (TF-1b).</summary>
    public const string DriverPrefixDefinition = "const PREFIX = '@@trace ';";

    /// <summary>TF-1b: in a batched run, program <paramref name="key"/>'s trace lines start with <c>@@trace[key] </c>.</summary>
    public static string BatchPrefix(int key) => string.Create(CultureInfo.InvariantCulture, $"@@trace[{key}] ");

    /// <summary>
    /// TF-1b: splits a batched trace line into its program key and its text (prefix stripped). False for any other line,
    /// including the single-program form and a key that is not a plain decimal number.
    /// </summary>
    public static bool TryParseBatched(string line, out int key, out string text)
    {
        key = -1;
        text = "";
        const string open = "@@trace[";
        if (!line.StartsWith(open, StringComparison.Ordinal)) return false;
        var close = line.IndexOf("] ", open.Length, StringComparison.Ordinal);
        if (close <= open.Length || close - open.Length > 9) return false;
        var digits = line.AsSpan(open.Length, close - open.Length);
        foreach (var c in digits) if (!char.IsAsciiDigit(c)) return false;
        key = int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        text = line[(close + 2)..];
        return true;
    }

    /// <summary>The driver's trace.mjs with the batched prefix of program <paramref name="key"/> (TF-1b).</summary>
    public static string BatchedTraceModule(string traceSource, int key)
    {
        var at = traceSource.IndexOf(DriverPrefixDefinition, StringComparison.Ordinal);
        if (at < 0 || traceSource.IndexOf(DriverPrefixDefinition, at + 1, StringComparison.Ordinal) >= 0)
            throw new InvalidOperationException($"targets/driver/trace.mjs must define the prefix exactly once as `{DriverPrefixDefinition}` for batched runs (TF-1b)");
        return string.Concat(traceSource.AsSpan(0, at), $"const PREFIX = '{BatchPrefix(key)}';", traceSource.AsSpan(at + DriverPrefixDefinition.Length));
    }
}
