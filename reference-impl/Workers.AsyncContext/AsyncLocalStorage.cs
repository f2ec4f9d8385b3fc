namespace Workers.AsyncContext;

/// <summary>
/// The Workers subset of Node's <c>AsyncLocalStorage</c>: a key into the current <see cref="AsyncContextFrame"/>.
/// Deliberately has no <c>enterWith</c> or <c>disable</c> (CAV-ENTERWITH-1); the JS host exposes them as
/// throwing stubs (OBS-ENTERWITH-THROWS-1).
/// </summary>
public sealed class AsyncLocalStorage
{
    private readonly IAsyncContextCarrier _carrier;

    /// <summary>Returns a new instance, independent of every other (ALS-CTOR-1, ALS-MULTI-1).</summary>
    public AsyncLocalStorage(IAsyncContextCarrier carrier)
    {
        _carrier = carrier ?? throw new ArgumentNullException(nameof(carrier));
    }

    /// <summary>
    /// The current store (ALS-GETSTORE-1), or null outside any <see cref="Run{TResult}"/> of this instance
    /// (ALS-GETSTORE-2, ALS-RUN-2).
    /// </summary>
    public object? GetStore() => _carrier.Current.Get(this);

    /// <summary>
    /// Runs <paramref name="callback"/> synchronously with <paramref name="store"/> as this instance's store and
    /// returns its value (ALS-RUN-1); the previous frame is restored afterwards, so the store is not visible
    /// outside (ALS-RUN-2); work the callback schedules captures the frame (ALS-RUN-3); an exception from the
    /// callback propagates (ALS-RUN-5). Arguments (ALS-RUN-4) are closed over by the C# caller.
    /// </summary>
    public TResult Run<TResult>(object? store, Func<TResult> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return FrameScope.RunIn(_carrier, _carrier.Current.With(this, store), callback);
    }

    /// <summary>As <see cref="Run{TResult}"/> for a callback without a result.</summary>
    // Stryker disable once Block : unreachable from JS, the C#-only Action overload (equivalent-mutants.md)
    public void Run(object? store, Action callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        // Stryker disable once Statement,Block : unreachable from JS, the binding always calls Run<JsValue> with a Func (equivalent-mutants.md)
        Run<object?>(store, () => { callback(); return null; });
    }

    /// <summary>
    /// Runs <paramref name="callback"/> synchronously outside a context of this instance and returns its value
    /// (ALS-EXIT-1): exactly <c>Run(undefined, callback)</c> (ALS-EXIT-2).
    /// </summary>
    public TResult Exit<TResult>(Func<TResult> callback) => Run(null, callback);

    /// <summary>As <see cref="Exit{TResult}"/> for a callback without a result.</summary>
    public void Exit(Action callback) => Run(null, callback);

    /// <summary>
    /// Captures the frame current now and returns a function that enters it around every call of
    /// <paramref name="fn"/> (ALS-BIND-1).
    /// </summary>
    // Stryker disable once Block : unreachable from JS, the binding implements bind with AsyncSnapshot (equivalent-mutants.md)
    public static Func<TResult> Bind<TResult>(IAsyncContextCarrier carrier, Func<TResult> fn)
    {
        ArgumentNullException.ThrowIfNull(fn);
        var snapshot = AsyncSnapshot.Capture(carrier);
        return () => snapshot.Run(fn);
    }

    /// <summary>
    /// Captures the frame current now; the result runs any function in it (ALS-SNAPSHOT-1). Use it for
    /// thenables, which the page says are not fully supported (CAV-THENABLE-1).
    /// </summary>
    public static AsyncSnapshot Snapshot(IAsyncContextCarrier carrier) => AsyncSnapshot.Capture(carrier);
}
