namespace Workers.AsyncContext;

/// <summary>
/// The current frame flows with .NET's ExecutionContext (an <see cref="AsyncLocal{T}"/>): <c>await</c>,
/// <c>Task.Run</c>, continuations and thread-pool work see the frame current when they were created
/// (ALS-RUN-3). Each instance is an independent carrier.
/// </summary>
public sealed class ExecutionContextCarrier : IAsyncContextCarrier
{
    private readonly AsyncLocal<AsyncContextFrame?> _current = new();

    /// <inheritdoc/>
    public AsyncContextFrame Current
    {
        get => _current.Value ?? AsyncContextFrame.Empty;
        set => _current.Value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <inheritdoc/>
    public bool BindsSnapshotsToScope { get; init; }
}
