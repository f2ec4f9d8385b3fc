using BenchmarkDotNet.Attributes;
using Jint.Native;

namespace Benchmarks;

/// <summary>Pair 3: N calls of <c>als.getStore()</c> vs N calls of a no-op host function, both inside <c>als.run</c>.</summary>
[MemoryDiagnoser, SimpleJob(warmupCount: 3, iterationCount: 10)]
public class GetStore
{
    private const string Module = """
        const store = { id: 1 };
        export let seen;
        function getStores(n) { let s; for (let i = 0; i < n; i++) s = als.getStore(); return s; }
        function noops(n) { let s; for (let i = 0; i < n; i++) s = host.noop(); return s; }
        export function getStoreLoop(n) { return als.run(store, getStores, n); }
        export function noopLoop(n) { return als.run(store, noops, n); }
        export function check() { seen = getStoreLoop(3)?.id; }
        """;

    private BenchHost _host = null!;
    private JsValue _getStore = null!, _noop = null!;

    [GlobalSetup]
    public void Setup()
    {
        _host = new BenchHost(hooks: true, Module);
        _host.Expect("check", "1");
        _getStore = _host.Export("getStoreLoop");
        _noop = _host.Export("noopLoop");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = BenchHost.N)]
    public JsValue NoopHostCall() => _host.Invoke(_noop);

    [Benchmark(OperationsPerInvoke = BenchHost.N)]
    [RatioTarget(1.2, "getStore() / no-op host function call")]
    public JsValue GetStoreCall() => _host.Invoke(_getStore);
}
