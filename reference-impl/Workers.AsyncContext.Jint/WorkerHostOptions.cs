namespace Workers.AsyncContext.Jint;

/// <summary>How a worker runs: its compatibility date, its sandbox limits and where console lines go.</summary>
public sealed class WorkerHostOptions
{
    /// <summary>workerd compatibility date, "YYYY-MM-DD" (see <see cref="CompatibilityFlags"/>).</summary>
    public string CompatibilityDate { get; init; } = "2026-11-17";

    /// <summary>workerd compatibility flags enabled by name, on top of those the date enables (see <see cref="CompatibilityFlags"/>).</summary>
    public IReadOnlyList<string> CompatibilityFlagNames { get; init; } = [];

    /// <summary>The program's classes the platform reaches, each bound on <c>env</c> (issue 20; WorkerRuntime.Platform.cs).</summary>
    public IReadOnlyList<WorkerPlatformBinding> PlatformBindings { get; init; } = [];

    /// <summary>
    /// Whether the module's own fetch handler is the Cache API's backend, as workerd's <c>cacheApiOutbound</c> pointed at the
    /// worker's own service (Js/platform-cache.js): <c>caches</c> exists only then.
    /// </summary>
    public bool CacheBackend { get; init; }

    /// <summary>Whether env.SELF has <c>scheduled()</c> and <c>queue()</c>, invoking the module's handlers (workerd's
    /// <c>service_binding_extra_handlers</c>, Js/platform-rpc.js).</summary>
    public bool ExtraHandlers { get; init; }

    /// <summary>The binding of a queue producer whose broker is the module's own fetch handler (workerd's queue binding naming the
    /// worker's own service, Js/platform-queue.js), or null.</summary>
    public string? QueueBroker { get; init; }

    /// <summary>Wall-clock budget for the whole run (the event loop's clock is virtual; this one is real).</summary>
    public TimeSpan WallClockTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Jint memory limit (bytes allocated by the engine thread).</summary>
    public long MemoryLimitBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>
    /// Stack size of the thread the worker runs on (each run gets a thread of its own, so the depth does not depend on
    /// the caller's thread or platform). JavaScript that nearly exhausts it gets a catchable
    /// <c>RangeError: Maximum call stack size exceeded</c>, as on workerd and Node. The default, 16 MiB, lets a
    /// one-argument self-call recurse about 12,000 deep (V8's default stack: about 14,000).
    /// </summary>
    public int StackSizeBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>
    /// A hard cap on how many times one function may be active at once (Jint's <c>MaxRecursionDepth</c>), counting the
    /// calls a strict-mode tail call replaced: reaching it ends the run with <see cref="WorkerOutcome.LimitExceeded"/>,
    /// which JavaScript cannot catch. It is there for what the stack never sees: Jint runs proper tail calls (V8, so
    /// workerd, does not), so <c>function f() { return f(); }</c> in a module is an endless loop on Jint where workerd
    /// throws a RangeError; this cap ends it after that many hops rather than at the statement limit. The default,
    /// 100,000, is far above the depth any other recursion reaches before the stack's catchable RangeError
    /// (about 12,000 at the default <see cref="StackSizeBytes"/>); keep it so if the stack is made larger. -1: no cap.
    /// </summary>
    public int MaxRecursionDepth { get; init; } = 100_000;

    /// <summary>
    /// Virtual time the event loop may advance while it waits for one thing (the module's top-level await, test(), or
    /// ctx.waitUntil() work) before the run ends as <see cref="WorkerOutcome.Timeout"/>: only timers that keep re-arming get
    /// there. The default, 24 h, is far beyond any test (the harness gives a real runtime seconds), so no program that
    /// settles is affected.
    /// </summary>
    public TimeSpan MaxVirtualTime { get; init; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Macrotasks (timer callbacks, scheduler.wait wake-ups, request dispatches) the event loop may run while it waits for one
    /// thing, before the run ends as <see cref="WorkerOutcome.Timeout"/>. This catches timers that re-arm forever without
    /// moving the virtual clock much (<c>setTimeout(tick, 0)</c>, <c>setInterval(f, 1)</c>) in well under a second of
    /// trivial callbacks instead of a full core for the whole wall-clock budget. The default, 100,000, is over 20 times
    /// what the busiest conformance scenario runs (features/concurrency/load.feature, a thousand concurrent requests:
    /// just over 4,000), and takes about a second of the cheapest re-arming timer (<c>setTimeout(tick, 0)</c>).
    /// </summary>
    public long MaxMacrotasks { get; init; } = 100_000;

    /// <summary>Maximum statements executed per engine entry.</summary>
    public long MaxStatements { get; init; } = 50_000_000;

    /// <summary>One call per line of console.log/info/debug output.</summary>
    public Action<string> Stdout { get; init; } = _ => { };

    /// <summary>One call per line of console.warn/error output and host diagnostics (uncaught errors).</summary>
    public Action<string> Stderr { get; init; } = _ => { };
}

/// <summary>A class of the entry module the platform reaches: a Durable Object class (else a WorkerEntrypoint), bound as <c>env.&lt;Binding&gt;</c>.</summary>
public sealed record WorkerPlatformBinding(bool DurableObject, string ClassName, string Binding);
