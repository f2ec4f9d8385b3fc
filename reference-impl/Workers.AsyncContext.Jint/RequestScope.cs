namespace Workers.AsyncContext.Jint;

/// <summary>The identity of one request (or the test() invocation): the scope of frames entered for it (OBS-REQUEST-BOUND-1).</summary>
internal sealed class RequestScope(int id, string kind)
{
    public int Id { get; } = id;
    public string Kind { get; } = kind;
    // Stryker disable once String : debugging text; nothing prints a scope (tests/mutation/equivalent-mutants.md)
    public override string ToString() => $"{Kind}#{Id}";
}
