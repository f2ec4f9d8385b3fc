namespace Workers.AsyncContext.Jint;

/// <summary>How a worker run ended.</summary>
public enum WorkerOutcome
{
    /// <summary>The module loaded and test() (if any) fulfilled.</summary>
    Completed,
    /// <summary>The module failed to parse, link or evaluate.</summary>
    LoadError,
    /// <summary>test() threw or rejected; or, as `workerd test` reports it, a timer threw or a waitUntil promise rejected.</summary>
    TestFailed,
    /// <summary>
    /// The wall-clock budget ran out (or the caller cancelled), or the event loop's budget did
    /// (<see cref="WorkerHostOptions.MaxVirtualTime"/>, <see cref="WorkerHostOptions.MaxMacrotasks"/>): timers kept
    /// re-arming while the work waited for was still pending. The message says which.
    /// </summary>
    Timeout,
    /// <summary>
    /// A statement or memory limit was hit, the opt-in <see cref="WorkerHostOptions.MaxRecursionDepth"/>, or the .NET stack
    /// ran out where JavaScript cannot catch it (deeply nested source). Deep JavaScript recursion is not one: it throws a
    /// catchable RangeError.
    /// </summary>
    LimitExceeded,
    /// <summary>The event loop ran dry while test() (or the module's top-level await) was still pending.</summary>
    NeverSettled,
}

/// <summary>The outcome, and for failures the JavaScript error type (constructor name) and message.</summary>
public sealed record WorkerRunResult(WorkerOutcome Outcome, string? ErrorType, string? Message);
