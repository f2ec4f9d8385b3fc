using System.Runtime.CompilerServices;
using global::Jint;
using global::Jint.Native;
using global::Jint.Native.Error;
using global::Jint.Native.Object;
using global::Jint.Runtime;
using global::Jint.Runtime.Descriptors;
using global::Jint.Runtime.Interop;
using Core = Workers.AsyncContext;

namespace Workers.AsyncContext.Jint;

/// <summary>
/// The private native binding behind Js/async_hooks.js: each JS AsyncLocalStorage / AsyncResource instance
/// owns a core object; every operation delegates to the core (requirement ids on each member).
/// </summary>
internal sealed class NodeAsyncHooksBinding
{
    private readonly Engine _engine;
    private readonly PlainCarrier _carrier;
    private readonly ConditionalWeakTable<ObjectInstance, Core.AsyncLocalStorage> _storages = new();
    private readonly ConditionalWeakTable<ObjectInstance, Core.AsyncResource> _resources = new();
    // SURF-OPTIONS-1: a storage's `defaultValue`, only for storages that have one (undefined is none).
    private readonly ConditionalWeakTable<Core.AsyncLocalStorage, JsValue> _defaults = new();

    public NodeAsyncHooksBinding(Engine engine, PlainCarrier carrier)
    {
        _engine = engine;
        _carrier = carrier;
        // Taken before any program runs (the module is added first), so it is the realm's own RangeError.
        _rangeError = engine.Global.Get("RangeError") as ErrorConstructor
            ?? throw new InvalidOperationException("the realm has no RangeError constructor");
    }

    /// <summary>
    /// Registers the module <c>node:async_hooks</c>: Js/async_hooks.js evaluated over a new binding, its exports
    /// plus <c>default</c>; returns the exports (NodeBuiltinModules builds node:events over them). Shared with tests/Benchmarks.
    /// </summary>
    public static ObjectInstance AddModule(Engine engine, PlainCarrier carrier)
    {
        var factory = engine.Evaluate(JsResources.Read("async_hooks.js"), "node:async_hooks");
        var exports = (ObjectInstance)engine.Call(factory, JsValue.Undefined, [new NodeAsyncHooksBinding(engine, carrier).Build()]);
        engine.Modules.Add("node:async_hooks", builder =>
        {
            foreach (var key in exports.GetOwnPropertyKeys())
            {
                builder.ExportValue(key.ToString(), exports.Get(key));
            }
            builder.ExportValue("default", exports);
        });
        return exports;
    }

    /// <summary>Builds the object handed to the async_hooks.js factory.</summary>
    public ObjectInstance Build()
    {
        var n = new JsObject(_engine);
        void Fn(string name, Func<JsValue, JsValue[], JsValue> body) =>
            n.FastSetDataProperty(name, new ClrFunction(_engine, name, body, 0, PropertyFlag.Configurable));
        Fn("newStorage", (_, a) => NewStorage(Obj(a, 0), Arg(a, 1)));
        // getStore and run are AsyncLocalStorage.prototype's methods themselves (async_hooks.js installs them there),
        // not JS wrappers around the binding: named and sized as the methods, with `this` the storage.
        Method(n, "getStore", 0, (self, _) => GetStore(Storage(self)));
        Method(n, "run", 0, RunMethod);
        Fn("exit", (_, a) => Exit(Storage(Arg(a, 0)), Arg(a, 1), Spread(Arg(a, 2))));
        Fn("bind", (_, a) => Bind(a));
        Fn("snapshot", (_, _) => Snapshot());
        Fn("newResource", (_, a) => NewResource(Obj(a, 0), Arg(a, 1)));
        Fn("resourceBind", (_, a) => ResourceBind(Obj(a, 0), Arg(a, 1), Arg(a, 2)));
        Fn("resourceRun", (_, a) => ResourceRun(Obj(a, 0), Arg(a, 1), Arg(a, 2), Arg(a, 3)));
        return n;
    }

    private static JsValue Arg(JsValue[] a, int i) => i < a.Length ? a[i] : JsValue.Undefined;

    private ObjectInstance Obj(JsValue[] a, int i) =>
        Arg(a, i) as ObjectInstance ?? throw JsErrors.TypeError(_engine, "Illegal invocation");

    private void Method(ObjectInstance target, string name, int length, Func<JsValue, JsValue[], JsValue> body) =>
        target.FastSetDataProperty(name, new ClrFunction(_engine, name, body, length, PropertyFlag.Configurable));

    private Core.AsyncLocalStorage Storage(JsValue self) =>
        self is ObjectInstance o && _storages.TryGetValue(o, out var s) ? s : throw JsErrors.TypeError(_engine, "Illegal invocation");

    private Core.AsyncResource Resource(ObjectInstance o) =>
        _resources.TryGetValue(o, out var r) ? r : throw JsErrors.TypeError(_engine, "Illegal invocation");

    private JsValue[] Spread(JsValue args) =>
        args is JsArray array ? array.ToArray() : Array.Empty<JsValue>();

    private JsValue RequireFunction(JsValue fn, string method, string owner, int position, string typeName = "function") =>
        fn.IsCallable() ? fn : throw JsErrors.TypeError(_engine,
            $"Failed to execute '{method}' on '{owner}': parameter {position} is not of type '{typeName}'.");

    /// <summary>
    /// How many context entries (run, exit, the bound and snapshot functions, runInAsyncScope) may be active at once on
    /// one stack. On workerd each entry is a C++ frame costing V8's stack far more than a JS call: run nested synchronously
    /// throws a catchable RangeError a little over 400 deep, each run restoring its store as the error passes
    /// (OBS-MATRIX-NESTING-1). The reference's entries cost little of its thread's stack
    /// (<see cref="WorkerHostOptions.StackSizeBytes"/>), so it counts them and throws the same RangeError past this many.
    /// </summary>
    internal const int MaxNestedEntries = 400;

    private int _nestedEntries;
    private readonly ErrorConstructor _rangeError;

    private JsValue Call(JsValue fn, JsValue thisValue, JsValue[] args)
    {
        if (_nestedEntries >= MaxNestedEntries) throw new JavaScriptException(_rangeError, "Maximum call stack size exceeded");
        _nestedEntries++;
        try
        {
            return _engine.Call(fn, thisValue, args);
        }
        finally
        {
            _nestedEntries--;
        }
    }

    private JsValue NewStorage(ObjectInstance self, JsValue defaultValue)
    {
        var storage = new Core.AsyncLocalStorage(_carrier);
        if (!defaultValue.IsUndefined()) _defaults.AddOrUpdate(storage, defaultValue);
        _storages.AddOrUpdate(self, storage);
        return JsValue.Undefined;
    }

    /// <summary>
    /// ALS-GETSTORE-1/2; SURF-OPTIONS-1: where the storage has no store, its defaultValue. A storage with a default
    /// keeps `run(undefined)` and `exit` as an explicit undefined store, so that they read undefined (as workerd).
    /// </summary>
    private JsValue GetStore(Core.AsyncLocalStorage storage) =>
        storage.GetStore() is null && _defaults.TryGetValue(storage, out var fallback) ? fallback : JsStores.FromCore(storage.GetStore());

    private object? StoreOf(Core.AsyncLocalStorage storage, JsValue value) =>
        _defaults.TryGetValue(storage, out _) ? value : JsStores.ToCore(value);

    /// <summary>ALS-EXIT-1, ALS-EXIT-2: the callback runs with no store (undefined even where there is a default).</summary>
    private JsValue Exit(Core.AsyncLocalStorage storage, JsValue fn, JsValue[] argv) =>
        Run(storage, StoreOf(storage, JsValue.Undefined), fn, argv, "exit", 1);

    /// <summary>
    /// ALS-RUN-1..5, ALS-EXIT-1/2: TypeError for a non-function (OBS-TYPEERROR-1); the callback's <c>this</c>
    /// is globalThis, as on workerd (OBS-THIS-1).
    /// </summary>
    private JsValue Run(Core.AsyncLocalStorage storage, object? store, JsValue fn, JsValue[] argv, string method, int position)
    {
        var callable = RequireFunction(fn, method, "AsyncLocalStorage", position);
        return storage.Run(store, () => Call(callable, _engine.Global, argv));
    }

    /// <summary>
    /// AsyncLocalStorage.prototype.run(store, callback, ...args): <c>this</c> is checked first (Illegal invocation),
    /// then the callback (<see cref="Run"/>); the arguments after the callback are passed on.
    /// </summary>
    private JsValue RunMethod(JsValue self, JsValue[] a)
    {
        var storage = Storage(self);
        // Stryker disable once String : "run" is only part of the TypeError message; traces compare errors by type (TF-6) (tests/mutation/equivalent-mutants.md)
        return Run(storage, StoreOf(storage, Arg(a, 0)), Arg(a, 1), a.Length > 2 ? a[2..] : [], "run", 2);
    }

    /// <summary>ALS-BIND-1: a function entering the frame current now; <c>this</c> is globalThis (OBS-THIS-1).</summary>
    private JsValue Bind(JsValue[] a)
    {
        var callable = RequireFunction(Arg(a, 0), "bind", "AsyncLocalStorage", 1, "Function");
        var snapshot = Core.AsyncLocalStorage.Snapshot(_carrier);
        return Anonymous((_, args) => JsErrors.Translate(_engine, () => snapshot.Run(() => Call(callable, _engine.Global, args))));
    }

    /// <summary>
    /// ALS-SNAPSHOT-1: calls its first argument in the captured frame with the rest as arguments; TypeError when
    /// that is not a function, <c>this</c> = globalThis (OBS-THIS-1), request-bound (OBS-REQUEST-BOUND-1).
    /// </summary>
    private JsValue Snapshot()
    {
        var snapshot = Core.AsyncLocalStorage.Snapshot(_carrier);
        return Anonymous((_, args) =>
        {
            var callable = Arg(args, 0);
            if (!callable.IsCallable()) throw JsErrors.TypeError(_engine, "The first argument must be a function");
            var rest = args.Length > 1 ? args[1..] : Array.Empty<JsValue>();
            return JsErrors.Translate(_engine, () => snapshot.Run(() => Call(callable, _engine.Global, rest)));
        });
    }

    /// <summary>AR-CTOR-1 (type ignored), CAV-TRIGGER-1 / OBS-TRIGGER-THROWS-1 (a triggerAsyncId option throws Error).</summary>
    private JsValue NewResource(ObjectInstance self, JsValue options)
    {
        double? trigger = null;
        if (!options.IsUndefined() && !options.IsNull()) // SURF-OPTIONS-1: null options are none
        {
            if (options is not ObjectInstance o)
            {
                throw JsErrors.TypeError(_engine, "Failed to construct 'AsyncResource': constructor parameter 2 is not of type 'Options'.");
            }
            var t = o.Get("triggerAsyncId");
            if (!t.IsUndefined()) trigger = TypeConverter.ToNumber(t);
        }
        var resource = JsErrors.Translate(_engine, () => new Core.AsyncResource(_carrier, null,
            trigger is null ? null : new Core.AsyncResourceOptions(trigger)));
        _resources.AddOrUpdate(self, resource);
        return JsValue.Undefined;
    }

    /// <summary>AR-BIND-1: <c>this</c> is thisArg, or globalThis when it is undefined (as workerd).</summary>
    private JsValue ResourceBind(ObjectInstance self, JsValue fn, JsValue thisArg)
    {
        var resource = Resource(self);
        var callable = RequireFunction(fn, "bind", "AsyncResource", 1, "Function");
        var receiver = thisArg.IsUndefined() ? _engine.Global : thisArg;
        var bound = Anonymous((_, args) => JsErrors.Translate(_engine, () => resource.RunInAsyncScope(() => Call(callable, receiver, args))));
        bound.FastSetDataProperty("asyncResource", self);
        return bound;
    }

    /// <summary>AR-RUNINSCOPE-1: <c>this</c> is thisArg, or globalThis when it is undefined (as workerd).</summary>
    private JsValue ResourceRun(ObjectInstance self, JsValue fn, JsValue thisArg, JsValue args)
    {
        var resource = Resource(self);
        var callable = RequireFunction(fn, "runInAsyncScope", "AsyncResource", 1);
        var receiver = thisArg.IsUndefined() ? _engine.Global : thisArg;
        var argv = Spread(args);
        return JsErrors.Translate(_engine, () => resource.RunInAsyncScope(() => Call(callable, receiver, argv)));
    }

    /// <summary>A function with empty name and length 0, as workerd's bound functions.</summary>
    private ClrFunction Anonymous(Func<JsValue, JsValue[], JsValue> body) =>
        new(_engine, "", body, 0, PropertyFlag.Configurable);
}
