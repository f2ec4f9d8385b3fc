namespace Workers.AsyncContext;

/// <summary>Node's <c>AsyncResourceOptions</c>; Workers accepts none of them meaningfully (CAV-TRIGGER-1).</summary>
public sealed record AsyncResourceOptions(double? TriggerAsyncId = null, bool RequireManualDestroy = false);

/// <summary>
/// Node's <c>AsyncResource</c> as Workers keeps it for compatibility: bound to the frame current when it is
/// constructed, always (CAV-TRIGGER-1). Workers has no async ids (CAV-ASYNCHOOKS-1).
/// </summary>
public class AsyncResource
{
    private readonly AsyncSnapshot _snapshot;

    /// <summary>
    /// Returns a new resource bound to the current frame (AR-CTOR-1). <paramref name="type"/> is accepted and
    /// ignored, as Workers does (AR-CTOR-1); a trigger id is refused (CAV-TRIGGER-1, OBS-TRIGGER-THROWS-1).
    /// </summary>
    /// <exception cref="NotImplementedInWorkersException">options carry a trigger async id.</exception>
    public AsyncResource(IAsyncContextCarrier carrier, string? type = null, AsyncResourceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(carrier);
        _ = type; // AR-CTOR-1: required by Node.js, unused in Workers.
        if (options?.TriggerAsyncId is not null)
        {
            // Stryker disable once String : message text; traces compare errors by type, never by message (TF-6)
            throw new NotImplementedInWorkersException("The 'triggerAsyncId' field on 'Options' is not implemented.");
        }
        _snapshot = AsyncSnapshot.Capture(carrier);
    }

    /// <summary>The frame captured at construction.</summary>
    public AsyncContextFrame Frame => _snapshot.Frame;

    /// <summary>Whether this resource may run now (OBS-REQUEST-BOUND-1).</summary>
    public bool IsUsableNow => _snapshot.IsUsableNow;

    /// <summary>Calls <paramref name="fn"/> in this resource's frame and returns its result (AR-RUNINSCOPE-1).</summary>
    public TResult RunInAsyncScope<TResult>(Func<TResult> fn) => _snapshot.Run(fn);

    /// <summary>As <see cref="RunInAsyncScope{TResult}"/> for a callback without a result.</summary>
    public void RunInAsyncScope(Action fn) => _snapshot.Run(fn);

    /// <summary>Binds <paramref name="fn"/> to this resource's frame (AR-BIND-1).</summary>
    // Stryker disable once Block : unreachable from JS, the binding implements bind with RunInAsyncScope (equivalent-mutants.md)
    public Func<TResult> Bind<TResult>(Func<TResult> fn)
    {
        ArgumentNullException.ThrowIfNull(fn);
        return () => _snapshot.Run(fn);
    }

    /// <summary>Binds <paramref name="fn"/> to the frame current now, through a new resource (AR-STATIC-BIND-1).</summary>
    public static Func<TResult> Bind<TResult>(IAsyncContextCarrier carrier, Func<TResult> fn, string? type = null) =>
        new AsyncResource(carrier, type).Bind(fn);

    /// <summary>Always 0: Workers implements no async ids (CAV-ASYNCHOOKS-1).</summary>
    public double AsyncId() => 0;

    /// <summary>Always 0: no trigger context (CAV-TRIGGER-1).</summary>
    public double TriggerAsyncId() => 0;
}
