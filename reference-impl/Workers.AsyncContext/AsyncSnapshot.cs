namespace Workers.AsyncContext;

/// <summary>
/// The frame current when it was taken, re-entered around any later call: what
/// <c>AsyncLocalStorage.snapshot()</c> returns (ALS-SNAPSHOT-1), and what <c>AsyncLocalStorage.bind</c> (ALS-BIND-1)
/// and <c>AsyncResource</c> (AR-CTOR-1, CAV-TRIGGER-1) hold.
/// </summary>
public sealed class AsyncSnapshot
{
    private readonly IAsyncContextCarrier _carrier;

    private AsyncSnapshot(IAsyncContextCarrier carrier)
    {
        _carrier = carrier;
        Frame = carrier.Current;
    }

    /// <summary>Captures the frame current now (ALS-SNAPSHOT-1).</summary>
    public static AsyncSnapshot Capture(IAsyncContextCarrier carrier)
    {
        ArgumentNullException.ThrowIfNull(carrier);
        return new AsyncSnapshot(carrier);
    }

    /// <summary>The captured frame.</summary>
    public AsyncContextFrame Frame { get; }

    /// <summary>
    /// Whether this snapshot may run now: always, unless scope binding is on and it was taken during a
    /// request other than the current one (OBS-REQUEST-BOUND-1). Taken at top level (no scope): always.
    /// </summary>
    public bool IsUsableNow =>
        !_carrier.BindsSnapshotsToScope || Frame.Scope is null || ReferenceEquals(Frame.Scope, _carrier.Current.Scope);

    /// <summary>
    /// Runs <paramref name="callback"/> in the captured frame and returns its result; the caller's frame is
    /// restored afterwards (ALS-SNAPSHOT-1, ALS-BIND-1, AR-RUNINSCOPE-1). The request scope stays the caller's.
    /// </summary>
    /// <exception cref="AsyncContextScopeException">Bound to another request (OBS-REQUEST-BOUND-1).</exception>
    public TResult Run<TResult>(Func<TResult> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (!IsUsableNow) throw new AsyncContextScopeException();
        return FrameScope.RunIn(_carrier, Frame.WithScope(_carrier.Current.Scope), callback);
    }

    /// <summary>As <see cref="Run{TResult}"/> for a callback without a result.</summary>
    // Stryker disable once Block : unreachable from JS, the C#-only Action overload (equivalent-mutants.md)
    public void Run(Action callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        // Stryker disable once Statement,Block : unreachable from JS, the binding uses the Func overloads (equivalent-mutants.md)
        Run<object?>(() => { callback(); return null; });
    }
}
