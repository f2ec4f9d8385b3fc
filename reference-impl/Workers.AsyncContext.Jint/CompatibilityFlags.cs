using System.Globalization;

namespace Workers.AsyncContext.Jint;

/// <summary>The workerd compatibility flags that change async-context behaviour, derived from a date.</summary>
public sealed record CompatibilityFlags(bool BindSnapshotToRequest, bool UnhandledRejectionAfterMicrotaskCheckpoint)
{
    /// <summary>workerd's <c>bind_asynclocalstorage_snapshot_to_request</c> default-on date (OBS-REQUEST-BOUND-1).</summary>
    public static readonly DateOnly BindSnapshotToRequestDate = new(2025, 6, 16);

    /// <summary>workerd's <c>unhandled_rejection_after_microtask_checkpoint</c> default-on date (OBS-REJECTION-TIMING-1).</summary>
    public static readonly DateOnly RejectionAfterCheckpointDate = new(2026, 3, 3);

    /// <summary>Flags for a "YYYY-MM-DD" compatibility date.</summary>
    /// <exception cref="ArgumentException">The date is not in that form.</exception>
    public static CompatibilityFlags FromDate(string compatibilityDate)
    {
        // Stryker disable once Block : the block holding the throw below; host input validation, as below (tests/mutation/equivalent-mutants.md)
        if (!DateOnly.TryParseExact(compatibilityDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            // Stryker disable once Statement,String : host input validation: every scenario date is a valid YYYY-MM-DD, and no program can pass a date (tests/mutation/equivalent-mutants.md)
            throw new ArgumentException($"compatibility date must be YYYY-MM-DD, got '{compatibilityDate}'", nameof(compatibilityDate));
        }
        return new CompatibilityFlags(date >= BindSnapshotToRequestDate, date >= RejectionAfterCheckpointDate);
    }

    /// <summary>workerd's flag names for the two flags above, as a config's compatibilityFlags list enables them.</summary>
    public const string BindSnapshotToRequestName = "bind_asynclocalstorage_snapshot_to_request";

    /// <inheritdoc cref="BindSnapshotToRequestName"/>
    public const string RejectionAfterCheckpointName = "unhandled_rejection_after_microtask_checkpoint";

    /// <summary>Flags for a date plus flags enabled by name (as workerd's compatibilityFlags list: a named flag is on whatever the date).</summary>
    public static CompatibilityFlags FromDate(string compatibilityDate, IEnumerable<string> enabled)
    {
        var byDate = FromDate(compatibilityDate);
        var names = enabled.ToHashSet(StringComparer.Ordinal);
        return new CompatibilityFlags(byDate.BindSnapshotToRequest || names.Contains(BindSnapshotToRequestName),
            byDate.UnhandledRejectionAfterMicrotaskCheckpoint || names.Contains(RejectionAfterCheckpointName));
    }
}
