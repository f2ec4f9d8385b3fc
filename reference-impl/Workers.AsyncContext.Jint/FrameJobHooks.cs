using global::Jint;
using global::Jint.Runtime;

namespace Workers.AsyncContext.Jint;

/// <summary>
/// Async-context propagation through everything the engine queues (ALS-RUN-3): HostMakeJobCallback captures
/// the current frame (always, even the empty one), HostCallJobCallback enters it around the job.
/// </summary>
/// <remarks>
/// Jint leaves the job callback (<see cref="Exit"/>) before it settles the derived promise of a <c>then</c> and
/// before it queues the job that adopts a thenable the handler returned; V8 keeps the frame for the whole job.
/// So the outermost <see cref="Exit"/> does not restore at once: the job's frame stays current until the next
/// job enters, or until the host takes control back and calls <see cref="Settle"/>. A thenable returned from
/// a handler therefore runs its <c>then</c> in the handler's frame, as on workerd (ALS-RUN-3, CAV-THENABLE-1).
/// </remarks>
internal sealed class FrameJobHooks(PlainCarrier carrier) : JobCallbackHooks
{
    private int _depth;
    private AsyncContextFrame? _pendingRestore;

    /// <summary>HostMakeJobCallback: the frame current at registration.</summary>
    protected override object? Capture(Engine engine) => carrier.Current;

    /// <summary>HostCallJobCallback, before: enter the captured frame.</summary>
    protected override object? Enter(Engine engine, object hostDefined)
    {
        // Stryker disable once Equality,Statement : the host calls Settle only at depth 0 and always inside a FrameScope.RunIn that restores its own frame afterwards, so a stale deferred frame is never current while JS runs (tests/mutation/equivalent-mutants.md)
        if (_depth == 0) Settle();
        var previous = carrier.Current;
        carrier.Current = (AsyncContextFrame)hostDefined;
        _depth++;
        return previous;
    }

    /// <summary>HostCallJobCallback, after: restore (lazily for the outermost job, see remarks).</summary>
    protected override void Exit(Engine engine, object? token)
    {
        _depth--;
        var previous = (AsyncContextFrame)token!;
        if (_depth == 0) _pendingRestore = previous;
        else carrier.Current = previous;
    }

    /// <summary>Apply a deferred restore: the host calls this whenever it takes control back from the engine.</summary>
    public void Settle()
    {
        if (_pendingRestore is { } frame && _depth == 0)
        {
            carrier.Current = frame;
            _pendingRestore = null;
        }
    }
}
