using Conformance.Matrix.Model;

namespace Conformance.Matrix.Data;

/// <summary>The position dimension: where <c>operation()</c> is created inside <c>body()</c>.</summary>
public static class Positions
{
    public static Position AfterOneAwait { get; } = new("after one await", "await null; await operation()");

    public static IReadOnlyList<Position> All { get; } =
    [
        new("synchronously", "await operation()"),
        AfterOneAwait,
        new("after several awaits", "await null; await Promise.resolve(); await scheduler.wait(1); log('after awaits'); await operation()"),
        new("in a nested async function", "await (async () => { await null; await operation(); })()"),
        new("before the awaits of an async function returning it", "await (async () => { const pending = operation(); await null; return pending; })()"),
        new("after the awaits of an async function returning it", "await (async () => { await null; await null; return operation(); })()"),
        new("in a then handler", "await Promise.resolve().then(() => operation())"),
        new("in a timer callback", "await new Promise((resolve) => setTimeout(() => resolve(operation()), 1))"),
        new("in an event listener", "const target = new EventTarget(); const done = new Promise((resolve) => target.addEventListener('go', () => resolve(operation()))); target.dispatchEvent(new Event('go')); await done"),
    ];
}
