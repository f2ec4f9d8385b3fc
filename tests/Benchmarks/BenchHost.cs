using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;
using Workers.AsyncContext;
using Workers.AsyncContext.Jint;

namespace Benchmarks;

/// <summary>
/// One engine built as the reference host builds it: <see cref="WorkerRuntime.CreateEngine"/> (the same sandbox limits and
/// module loader, and - only when <c>hooks</c> is true - the host's <see cref="FrameJobHooks"/>), with the real
/// <c>node:async_hooks</c> module (<see cref="NodeAsyncHooksBinding.AddModule"/>: Js/async_hooks.js over the host's
/// binding). A hooked and an unhooked engine therefore differ in the hooks alone.
/// </summary>
public sealed class BenchHost
{
    public const int N = 10_000;

    private const string EntryModule = "bench.mjs";

    private readonly Engine _engine;
    private readonly PlainCarrier _carrier = new();
    private readonly FrameJobHooks? _hooks;
    private readonly ObjectInstance _exports;
    private readonly JsValue[] _args = [N];
    private readonly CancellationTokenSource _cancellation = new(); // never cancelled; the host's token is cancellable too

    /// <param name="hooks">Install the async-context job-callback hooks (Options.Host.JobCallbacks).</param>
    /// <param name="module">The benchmark module's body: it sees <c>als</c> (an AsyncLocalStorage) and <c>host.noop</c> (a no-op host
    /// function, bound like the binding's), and exports the benchmarked functions and a <c>seen</c> binding for <see cref="Expect"/>.</param>
    public BenchHost(bool hooks, string module)
    {
        _hooks = hooks ? new FrameJobHooks(_carrier) : null;
        var source = WorkerSource.FromModules(new Dictionary<string, string>
        {
            [EntryModule] = """
                import { AsyncLocalStorage } from 'node:async_hooks';
                import { host } from 'bench:host';
                const als = new AsyncLocalStorage();
                """ + module,
        }, EntryModule);
        _engine = WorkerRuntime.CreateEngine(source, new WorkerHostOptions(), _hooks, _cancellation.Token); // the host's default limits
        NodeAsyncHooksBinding.AddModule(_engine, _carrier);

        var host = new JsObject(_engine);
        host.FastSetDataProperty("noop", new ClrFunction(_engine, "noop", (_, _) => JsValue.Undefined, 0, PropertyFlag.Configurable));
        _engine.Modules.Add("bench:host", b => b.ExportValue("host", host));
        _exports = FrameScope.RunIn(_carrier, AsyncContextFrame.Empty, () => _engine.Modules.Import(EntryModule));
    }

    /// <summary>The exported function <paramref name="name"/> of the benchmark module.</summary>
    public JsValue Export(string name) => _exports.Get(name);

    /// <summary>
    /// Calls <paramref name="fn"/>(N), then drains the microtask queue as the host's event loop does
    /// (WorkerRuntime.Loop.cs, DrainMicrotasks, less the rejection reports: the benchmarks reject nothing).
    /// </summary>
    public JsValue Invoke(JsValue fn)
    {
        var result = _engine.Call(fn, JsValue.Undefined, _args);
        _hooks?.Settle();
        FrameScope.RunIn(_carrier, AsyncContextFrame.Empty, () =>
        {
            _engine.Advanced.ProcessTasks();
            _hooks?.Settle();
        });
        return result;
    }

    /// <summary>
    /// Replaces Promise.prototype.then as the host does for OBS-REJECTION-FRAME-1 (<see cref="WorkerRuntime.WrapThen"/>,
    /// with a real <see cref="RejectionTracker"/>): each then() records its frame for the derived promise.
    /// </summary>
    public void InstallHostThen()
    {
        var tracker = new RejectionTracker(_carrier, afterCheckpoint: true, queueMicrotask: _ => { }, dispatch: (_, _, _) => { });
        _engine.Advanced.PromiseRejectionTracker += (_, e) => tracker.Track(e.Promise, e.Value ?? JsValue.Undefined, e.Operation);
        var promiseProto = (ObjectInstance)_engine.Evaluate("Promise.prototype");
        WorkerRuntime.WrapThen(_engine, _carrier, promiseProto, promiseProto.Get("then"), tracker);
    }

    /// <summary>Setup sanity check: fails unless <c>fn(N)</c>, once drained, left <paramref name="expected"/> in <c>seen</c>.</summary>
    public void Expect(string fn, string expected)
    {
        Invoke(Export(fn));
        var actual = Export("seen").ToString();
        if (actual != expected) throw new InvalidOperationException($"{fn}: expected seen = {expected}, got {actual}");
    }
}
