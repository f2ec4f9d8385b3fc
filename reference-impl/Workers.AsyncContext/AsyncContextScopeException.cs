namespace Workers.AsyncContext;

/// <summary>
/// A snapshot, bound function or resource made during one request was used during another
/// (OBS-REQUEST-BOUND-1). The message is workerd's.
/// </summary>
public sealed class AsyncContextScopeException : InvalidOperationException
{
    /// <summary>workerd's message for this error.</summary>
    public const string WorkerdMessage =
        "Cannot call this AsyncLocalStorage bound function outside of the request in which it was created.";

    /// <summary>Creates the exception with workerd's message.</summary>
    public AsyncContextScopeException() : base(WorkerdMessage) { }
}
