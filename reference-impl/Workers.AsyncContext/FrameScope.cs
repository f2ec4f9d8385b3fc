namespace Workers.AsyncContext;

/// <summary>Enter a frame for the duration of one synchronous call, restoring the previous frame in finally.</summary>
public static class FrameScope
{
    /// <summary>
    /// Runs <paramref name="callback"/> with <paramref name="frame"/> current and restores the previous frame
    /// afterwards, whether the callback returns or throws (ALS-RUN-1, ALS-RUN-2, ALS-RUN-5).
    /// </summary>
    public static TResult RunIn<TResult>(IAsyncContextCarrier carrier, AsyncContextFrame frame, Func<TResult> callback)
    {
        ArgumentNullException.ThrowIfNull(carrier);
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(callback);
        var previous = carrier.Current;
        carrier.Current = frame;
        try
        {
            return callback();
        }
        finally
        {
            carrier.Current = previous;
        }
    }

    /// <summary>As <see cref="RunIn{TResult}"/> for a callback without a result.</summary>
    public static void RunIn(IAsyncContextCarrier carrier, AsyncContextFrame frame, Action callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        RunIn<object?>(carrier, frame, () => { callback(); return null; });
    }
}
