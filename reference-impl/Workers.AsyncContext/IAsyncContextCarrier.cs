namespace Workers.AsyncContext;

/// <summary>
/// Holds "the current frame". Two implementations: <see cref="ExecutionContextCarrier"/> flows with .NET's
/// ExecutionContext (C# async code), <see cref="PlainCarrier"/> is a field a single-threaded host (the JS
/// host) owns and switches itself at every job boundary.
/// </summary>
public interface IAsyncContextCarrier
{
    /// <summary>The frame current now; never null (the root is <see cref="AsyncContextFrame.Empty"/>).</summary>
    AsyncContextFrame Current { get; set; }

    /// <summary>
    /// When true, snapshots, bound functions and resources remember the request scope they were made in and
    /// throw <see cref="AsyncContextScopeException"/> when used in another (OBS-REQUEST-BOUND-1,
    /// workerd's <c>bind_asynclocalstorage_snapshot_to_request</c>, compatibility date 2025-06-16 on).
    /// </summary>
    bool BindsSnapshotsToScope => false;
}
