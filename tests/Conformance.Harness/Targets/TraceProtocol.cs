using System.Globalization;
using System.Security.Cryptography;

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

    /// <summary>TF-1b: in a batched run, program <paramref name="key"/>'s trace lines start with <c>@@trace[key] </c> (once the nonce is checked, TF-1c).</summary>
    public static string BatchPrefix(int key) => string.Create(CultureInfo.InvariantCulture, $"@@trace[{key}] ");

    /// <summary>TF-1c: a fresh nonce for one runtime process: 32 lowercase hex digits from a cryptographic generator.</summary>
    public static string NewNonce() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>TF-1c: the prefix of a process run's trace lines, <c>@@trace:&lt;nonce&gt; </c>.</summary>
    public static string ProvenPrefix(string nonce) => $"@@trace:{nonce} ";

    /// <summary>TF-1b, TF-1c: the prefix of program <paramref name="key"/>'s lines in a batch, <c>@@trace[key]:&lt;nonce&gt; </c>.</summary>
    public static string ProvenBatchPrefix(int key, string nonce) => string.Create(CultureInfo.InvariantCulture, $"@@trace[{key}]:{nonce} ");

    /// <summary>
    /// TF-1c: the driver's trace.mjs for one process run, its prefix carrying the run's nonce (and, in a batch, the program's
    /// key, TF-1b). Only the driver's emit writes it; a runtime or a program that prints trace-like text does not know it.
    /// </summary>
    public static string ProvenTraceModule(string traceSource, string nonce, int? key = null) =>
        WithPrefix(traceSource, key is { } k ? ProvenBatchPrefix(k, nonce) : ProvenPrefix(nonce));

    /// <summary>
    /// TF-1c: a batched line of this run (<c>@@trace[k]:&lt;nonce&gt; text</c>) in the form <see cref="TryParseBatched"/> reads
    /// (<c>@@trace[k] text</c>), or null for a line without the run's nonce.
    /// </summary>
    public static string? StripBatchNonce(string line, string nonce)
    {
        const string open = "@@trace[";
        if (!line.StartsWith(open, StringComparison.Ordinal)) return null;
        var close = line.IndexOf("]:", open.Length, StringComparison.Ordinal);
        if (close < 0 || string.CompareOrdinal(line, close + 2, nonce, 0, nonce.Length) != 0
            || line.Length <= close + 2 + nonce.Length || line[close + 2 + nonce.Length] != ' ') return null;
        return string.Concat(line.AsSpan(0, close + 1), line.AsSpan(close + 2 + nonce.Length));
    }

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
    public static string BatchedTraceModule(string traceSource, int key) => WithPrefix(traceSource, BatchPrefix(key));

    private static string WithPrefix(string traceSource, string prefix)
    {
        var at = traceSource.IndexOf(DriverPrefixDefinition, StringComparison.Ordinal);
        if (at < 0 || traceSource.IndexOf(DriverPrefixDefinition, at + 1, StringComparison.Ordinal) >= 0)
            throw new InvalidOperationException($"targets/driver/trace.mjs must define the prefix exactly once as `{DriverPrefixDefinition}` (TF-1b, TF-1c)");
        return string.Concat(traceSource.AsSpan(0, at), $"const PREFIX = '{prefix}';", traceSource.AsSpan(at + DriverPrefixDefinition.Length));
    }
}
