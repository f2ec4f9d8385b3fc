using System.Security.Cryptography;
using Conformance.Harness.Snapshots;

namespace Conformance.Harness.Expectations;

/// <summary>What a known-failure list pins a FAIL to: the first 12 hex digits of SHA-256 over the trace as file text (TraceText).</summary>
public static class TraceDigest
{
    public const int Length = 12;

    public static string Of(IReadOnlyList<string> trace) =>
        Convert.ToHexStringLower(SHA256.HashData(TraceText.Utf8.GetBytes(TraceText.Render(trace))))[..Length];

    public static bool IsDigest(string text) => text.Length == Length && text.All(char.IsAsciiHexDigitLower);
}
