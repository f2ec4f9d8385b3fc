using System.Globalization;
using System.Text.RegularExpressions;

namespace Conformance.Harness.Execution.Dates;

/// <summary>
/// What decides a run's compatibility dates: the newest date the runtime binary supports (workerd only; null for runtimes with
/// no dates), the -CompatibilityDate override, and the -CompatibilityFlags added by name.
/// </summary>
public sealed partial record RunDates(string? BinaryNewest, string? Override, IReadOnlyList<string> Flags)
{
    public static RunDates None { get; } = new(null, null, []);

    /// <summary>The newest date a run may use: the older of the binary's newest and the override (null when neither is set).</summary>
    public string? Ceiling => (BinaryNewest, Override) switch
    {
        (null, null) => null,
        ({ } b, null) => b,
        (null, { } o) => o,
        ({ } b, { } o) => string.CompareOrdinal(b, o) <= 0 ? b : o,
    };

    /// <summary>
    /// The date in workerd's `--version` text (<c>workerd 2025-01-09</c>): the newest compatibility date that binary accepts
    /// (it refuses a newer one: "the newest date supported by this server binary is ..."). Null when the text has none.
    /// </summary>
    public static string? NewestDateFromVersion(string? versionText) =>
        versionText is not null && VersionDate().Match(versionText) is { Success: true } m && IsDate(m.Groups[1].Value) ? m.Groups[1].Value : null;

    /// <summary>Whether <paramref name="text"/> is a real date written YYYY-MM-DD.</summary>
    public static bool IsDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    [GeneratedRegex(@"^workerd (\d{4}-\d{2}-\d{2})\b")]
    private static partial Regex VersionDate();
}
