namespace Workers.AsyncContext;

/// <summary>
/// The current frame is a plain field: the owner (a single-threaded JS host) captures it when work is
/// scheduled and switches it when that work runs (ALS-RUN-3). Not thread-safe by design.
/// </summary>
public sealed class PlainCarrier : IAsyncContextCarrier
{
    private AsyncContextFrame _current = AsyncContextFrame.Empty;

    /// <inheritdoc/>
    public AsyncContextFrame Current
    {
        get => _current;
        set => _current = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <inheritdoc/>
    public bool BindsSnapshotsToScope { get; set; }
}
