using System.Runtime.CompilerServices;
using global::Jint.Native;
using global::Jint.Native.Promise;

namespace Workers.AsyncContext.Jint;

/// <summary>
/// Unhandled-rejection bookkeeping with workerd's semantics (observed, see remarks): the frame a rejection is
/// remembered with is the frame current when the promise was rejected (OBS-REJECTION-FRAME-1), and the
/// <c>unhandledrejection</c> and <c>rejectionhandled</c> listeners run in it (OBS-REJECTIONHANDLED-1).
/// </summary>
/// <remarks>
/// workerd keeps pending rejections in a table whose removal moves the last entry into the freed slot, and
/// reports by repeatedly taking the first entry: rejections a, b, c, d are reported a, d, c, b. Before
/// compatibility date 2026-03-03 a rejection queues a report microtask unless one is already queued and has not run;
/// from that date the host reports after each microtask checkpoint (OBS-REJECTION-TIMING-1).
/// <c>rejectionhandled</c> fires synchronously when a handler is attached to a reported promise, with
/// <c>reason</c> undefined.
/// </remarks>
internal sealed class RejectionTracker
{
    private readonly List<Entry> _pending = new();
    private readonly ConditionalWeakTable<JsValue, Entry> _reported = new();
    private readonly ConditionalWeakTable<JsValue, AsyncContextFrame> _derivedFrames = new();
    private readonly IAsyncContextCarrier _carrier;
    private readonly bool _afterCheckpoint;
    private readonly Action<Action> _queueMicrotask;
    private readonly Action<string, JsValue, JsValue> _dispatch;
    private bool _reportQueued;

    /// <param name="carrier">The host's carrier.</param>
    /// <param name="afterCheckpoint">OBS-REJECTION-TIMING-1: report after the microtask checkpoint.</param>
    /// <param name="queueMicrotask">Queues host work as a microtask (the pre-2026-03-03 report job).</param>
    /// <param name="dispatch">Dispatches (type, promise, reason) to the listeners, in the current frame.</param>
    public RejectionTracker(IAsyncContextCarrier carrier, bool afterCheckpoint, Action<Action> queueMicrotask, Action<string, JsValue, JsValue> dispatch)
    {
        _carrier = carrier;
        _afterCheckpoint = afterCheckpoint;
        _queueMicrotask = queueMicrotask;
        _dispatch = dispatch;
    }

    /// <summary>Whether rejections wait to be reported.</summary>
    public bool HasPending => _pending.Count > 0;

    /// <summary>Whether this tracker reports after microtask checkpoints (OBS-REJECTION-TIMING-1).</summary>
    public bool ReportsAfterCheckpoint => _afterCheckpoint;

    /// <summary>
    /// Remembers the frame of a <c>then</c> call for its derived promise: V8 settles that promise inside the
    /// reaction job, in that frame, even when the handler threw or there was none (pass-through); Jint does it
    /// after leaving the job, so the tracker looks the frame up here (OBS-REJECTION-FRAME-1).
    /// </summary>
    public void NoteDerived(JsValue derived, AsyncContextFrame frame) => _derivedFrames.AddOrUpdate(derived, frame);

    /// <summary>HostPromiseRejectionTracker, from Jint's <c>PromiseRejectionTracker</c> event.</summary>
    public void Track(JsValue promise, JsValue reason, PromiseRejectionOperation operation)
    {
        if (operation == PromiseRejectionOperation.Reject) OnReject(promise, reason);
        else OnHandle(promise);
    }

    private void OnReject(JsValue promise, JsValue reason)
    {
        // Stryker disable once Statement : HostPromiseRejectionTracker(reject) runs once per promise (a promise is rejected once, and only when it has no handler), so the promise is never pending already (tests/mutation/equivalent-mutants.md)
        if (_pending.Exists(e => ReferenceEquals(e.Promise, promise))) return;
        var frame = _derivedFrames.TryGetValue(promise, out var derived) ? derived : _carrier.Current;
        _pending.Add(new Entry(promise, reason, frame));
        if (!_afterCheckpoint && !_reportQueued)
        {
            _reportQueued = true;
            _queueMicrotask(() =>
            {
                _reportQueued = false;
                ReportPending();
            });
        }
    }

    private void OnHandle(JsValue promise)
    {
        var index = _pending.FindIndex(e => ReferenceEquals(e.Promise, promise));
        if (index >= 0)
        {
            SwapRemove(index);
            // Stryker disable once Statement : a promise found pending was never reported, so the lookup below finds nothing (tests/mutation/equivalent-mutants.md)
            return;
        }
        if (_reported.TryGetValue(promise, out var entry))
        {
            // Stryker disable once Statement : HostPromiseRejectionTracker(handle) runs only while [[PromiseIsHandled]] is false, i.e. once per promise, so a second lookup never happens (tests/mutation/equivalent-mutants.md)
            _reported.Remove(promise);
            FrameScope.RunIn(_carrier, entry.Frame, () => _dispatch("rejectionhandled", promise, JsValue.Undefined));
        }
    }

    /// <summary>Reports every pending rejection, each in its rejection frame (OBS-REJECTION-FRAME-1).</summary>
    public void ReportPending()
    {
        while (_pending.Count > 0)
        {
            var entry = _pending[0];
            SwapRemove(0);
            _reported.AddOrUpdate(entry.Promise, entry);
            FrameScope.RunIn(_carrier, entry.Frame, () => _dispatch("unhandledrejection", entry.Promise, entry.Reason));
        }
    }

    private void SwapRemove(int index)
    {
        var last = _pending.Count - 1;
        _pending[index] = _pending[last];
        _pending.RemoveAt(last);
    }

    private sealed record Entry(JsValue Promise, JsValue Reason, AsyncContextFrame Frame);
}
