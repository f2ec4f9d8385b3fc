using global::Jint;
using global::Jint.Native;
using global::Jint.Native.Object;
using global::Jint.Runtime;
using global::Jint.Runtime.Descriptors;
using global::Jint.Runtime.Interop;

namespace Workers.AsyncContext.Jint;

/// <summary>
/// One worker run: an engine with the host installed (this file), the bindings (WorkerRuntime.Globals.cs),
/// requests (WorkerRuntime.Requests.cs) and the event loop (WorkerRuntime.Loop.cs).
/// </summary>
internal sealed partial class WorkerRuntime
{
    private readonly WorkerSource _source;
    private readonly WorkerHostOptions _options;
    private readonly CancellationToken _cancellation;
    private readonly PlainCarrier _carrier = new();
    private readonly FrameJobHooks _hooks;
    private readonly VirtualEventLoop _loop = new();
    private readonly Engine _engine;
    private RejectionTracker _tracker = null!;
    private ObjectInstance _web = null!;
    private JsValue _originalThen = null!;
    private JsValue _resolvedPromise = null!;

    public WorkerRuntime(WorkerSource source, WorkerHostOptions options, CompatibilityFlags flags, CancellationToken cancellation)
    {
        _source = source;
        _options = options;
        _cancellation = cancellation;
        _carrier.BindsSnapshotsToScope = flags.BindSnapshotToRequest;
        _hooks = new FrameJobHooks(_carrier);
        _engine = CreateEngine(source, options, _hooks, cancellation);
        Install(flags);
    }

    /// <summary>
    /// The sandboxed engine of a run: the module loader over <paramref name="source"/>, the job-callback hooks that
    /// propagate the async context (<paramref name="hooks"/>; null only for the benchmarks' no-hooks baseline) and the
    /// limits of <paramref name="options"/>. tests/Benchmarks builds its engines here too, so it measures this setup.
    /// </summary>
    internal static Engine CreateEngine(WorkerSource source, WorkerHostOptions options, FrameJobHooks? hooks, CancellationToken cancellation) =>
        new(o =>
        {
            if (hooks is not null) o.Host.JobCallbacks = hooks;
            o.Modules.ModuleLoader = new BundleModuleLoader(source);
            o.LimitMemory(options.MemoryLimitBytes);
            o.MaxStatements((int)Math.Clamp(options.MaxStatements, 1, int.MaxValue));
            // Stack exhaustion is a catchable RangeError, as on workerd: Jint probes the remaining native stack on every
            // entry into a script function (getters, constructors, coercions and Proxy traps included) and throws
            // "Maximum call stack size exceeded" while there is still room to unwind. The recursion cap (LimitExceeded)
            // is set far beyond that depth: it only ends chains of strict tail calls, which use no stack on Jint.
            o.Constraints.StackOverflowGuard = true;
            o.Constraints.MaxRecursionDepth = Math.Max(options.MaxRecursionDepth, -1);
            o.CancellationToken(cancellation);
            // Sandbox: no CLR access (AllowClr is never called), no eval-from-strings restriction beyond JS's own.
        });

    private void Install(CompatibilityFlags flags)
    {
        _resolvedPromise = _engine.Evaluate("Promise.resolve()");
        var promiseProto = (ObjectInstance)_engine.Evaluate("Promise.prototype");
        _originalThen = promiseProto.Get("then");

        _tracker = new RejectionTracker(_carrier, flags.UnhandledRejectionAfterMicrotaskCheckpoint,
            QueueHostMicrotask, DispatchPromiseEvent);
        _engine.Advanced.PromiseRejectionTracker += (_, e) => _tracker.Track(e.Promise, e.Value ?? JsValue.Undefined, e.Operation);

        _web = WebGlobals.Install(_engine, BuildHostBinding(), out _platform);
        AddPlatformModule();

        NodeBuiltinModules.Add(_engine, NodeAsyncHooksBinding.AddModule(_engine, _carrier));
        WrapThen(_engine, _carrier, promiseProto, _originalThen, _tracker);
    }

    /// <summary>
    /// OBS-REJECTION-FRAME-1: replaces <c>Promise.prototype.then</c> with a wrapper that remembers each then()'s
    /// frame for its derived promise (see RejectionTracker). Shared with tests/Benchmarks.
    /// </summary>
    internal static void WrapThen(Engine engine, PlainCarrier carrier, ObjectInstance promiseProto, JsValue originalThen, RejectionTracker tracker)
    {
        var then = new ClrFunction(engine, "then", (self, args) =>
        {
            var frame = carrier.Current;
            var derived = engine.Call(originalThen, self, args);
            tracker.NoteDerived(derived, frame);
            return derived;
        }, 2, PropertyFlag.Configurable);
        promiseProto.DefineOwnProperty("then", new PropertyDescriptor(then, PropertyFlag.Writable | PropertyFlag.Configurable));
    }

    private JsValue WebHook(string name, params JsValue[] args) => _engine.Call(_web.Get(name), JsValue.Undefined, args);

    /// <summary>
    /// Dispatches a PromiseRejectionEvent in the current frame; with no listener, logs like workerd. A listener that
    /// throws stops the remaining ones (observed on workerd); the error is logged, the run goes on.
    /// </summary>
    private void DispatchPromiseEvent(string type, JsValue promise, JsValue reason)
    {
        var count = TypeConverter.ToNumber(WebHook("listenerCount", type));
        if (count == 0)
        {
            if (type == "unhandledrejection") Stderr("Uncaught (in promise) " + Describe(reason));
            return;
        }
        try
        {
            WebHook("dispatchPromiseEvent", type, promise, reason);
        }
        catch (JavaScriptException ex)
        {
            // A throwing listener ends this dispatch; workerd logs it as a warning and goes on with the run.
            Stderr((type == "unhandledrejection"
                ? "Exception while logging unhandled rejection:"
                : "There was an error while reporting an unhandled promise rejection: ") + Describe(ex.Error));
        }
    }

    private string Describe(JsValue error)
    {
        try
        {
            return WebHook("describeError", error).ToString();
        }
        catch (JavaScriptException)
        {
            return JsErrors.Message(error);
        }
    }

    private void Stdout(string text)
    {
        foreach (var line in text.Split('\n')) _options.Stdout(line);
    }

    private void Stderr(string text)
    {
        foreach (var line in text.Split('\n')) _options.Stderr(line);
    }

    /// <summary>An error no handler caught (a throwing timer or microtask): logged, the run goes on (as workerd).</summary>
    private void ReportUncaught(JsValue error) => Stderr("Uncaught " + Describe(error));
}
