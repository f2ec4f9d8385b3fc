using BenchmarkDotNet.Attributes;
using Jint.Native;

namespace Benchmarks;

/// <summary>Pair 1: N sequential <c>await</c>s inside <c>als.run</c>, on an engine with and without the async-context hooks.</summary>
[MemoryDiagnoser, SimpleJob(warmupCount: 3, iterationCount: 10)]
public class AwaitLoop
{
    private const string Module = """
        const store = { id: 1 };
        export let seen;
        async function loop(n) { let s = 0; for (let i = 0; i < n; i++) s += await i; return s; }
        export function awaitLoop(n) { return als.run(store, loop, n); }
        export function check() { als.run(store, async () => { await 1; await 2; seen = als.getStore()?.id; }); }
        """;

    private BenchHost _plain = null!, _hooked = null!;
    private JsValue _plainFn = null!, _hookedFn = null!;

    [GlobalSetup]
    public void Setup()
    {
        _plain = new BenchHost(hooks: false, Module);
        _hooked = new BenchHost(hooks: true, Module);
        _plain.Expect("check", "undefined"); // the store is lost after an await without the hooks...
        _hooked.Expect("check", "1");        // ...and kept with them
        _plainFn = _plain.Export("awaitLoop");
        _hookedFn = _hooked.Export("awaitLoop");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = BenchHost.N)]
    public JsValue NoHooks() => _plain.Invoke(_plainFn);

    [Benchmark(OperationsPerInvoke = BenchHost.N)]
    [RatioTarget(1.05, "await loop in als.run: hooks / no hooks")]
    public JsValue Hooks() => _hooked.Invoke(_hookedFn);
}
