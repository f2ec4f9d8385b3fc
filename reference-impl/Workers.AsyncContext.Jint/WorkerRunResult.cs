namespace Workers.AsyncContext.Jint;

/// <summary>How a worker run ended.</summary>
public enum WorkerOutcome
{
    /// <summary>The module loaded and test() (if any) fulfilled.</summary>
    Completed,
    /// <summary>The module failed to parse, link or evaluate.</summary>
    LoadError,
    /// <summary>test() threw or rejected.</summary>
    TestFailed,
    /// <summary>The wall-clock budget ran out (or the caller cancelled).</summary>
    Timeout,
    /// <summary>A statement, memory or recursion limit was hit.</summary>
    LimitExceeded,
    /// <summary>The event loop ran dry while test() (or the module's top-level await) was still pending.</summary>
    NeverSettled,
}

/// <summary>The outcome, and for failures the JavaScript error type (constructor name) and message.</summary>
public sealed record WorkerRunResult(WorkerOutcome Outcome, string? ErrorType, string? Message);
