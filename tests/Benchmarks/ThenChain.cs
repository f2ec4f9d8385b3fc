using BenchmarkDotNet.Attributes;
using Jint.Native;

namespace Benchmarks;

/// <summary>
/// Pair 2: a chain of N <c>.then</c>s built inside <c>als.run</c> and drained, on an engine with and without the
/// async-context hooks. <see cref="HooksAndHostThen"/> (no target) adds the host's Promise.prototype.then wrapper.
/// </summary>
[MemoryDiagnoser, SimpleJob(warmupCount: 3, iterationCount: 10)]
public class ThenChain
{
    private const string Module = """
        const store = { id: 1 };
        export let seen;
        const inc = (x) => x + 1;
        function chain(n) { let p = Promise.resolve(0); for (let i = 0; i < n; i++) p = p.then(inc); return p; }
        export function thenChain(n) { return als.run(store, chain, n); }
        export function check() { als.run(store, () => Promise.resolve().then(inc).then(() => { seen = als.getStore()?.id; })); }
        """;

    private BenchHost _plain = null!, _hooked = null!, _hostThen = null!;
    private JsValue _plainFn = null!, _hookedFn = null!, _hostThenFn = null!;

    [GlobalSetup]
    public void Setup()
    {
        _plain = new BenchHost(hooks: false, Module);
        _hooked = new BenchHost(hooks: true, Module);
        _hostThen = new BenchHost(hooks: true, Module);
        _hostThen.InstallHostThen();
        _plain.Expect("check", "undefined");
        _hooked.Expect("check", "1");
        _hostThen.Expect("check", "1");
        _plainFn = _plain.Export("thenChain");
        _hookedFn = _hooked.Export("thenChain");
        _hostThenFn = _hostThen.Export("thenChain");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = BenchHost.N)]
    public JsValue NoHooks() => _plain.Invoke(_plainFn);

    [Benchmark(OperationsPerInvoke = BenchHost.N)]
    [RatioTarget(1.15, ".then chain in als.run: hooks / no hooks")]
    public JsValue Hooks() => _hooked.Invoke(_hookedFn);

    [Benchmark(OperationsPerInvoke = BenchHost.N)]
    public JsValue HooksAndHostThen() => _hostThen.Invoke(_hostThenFn);
}
