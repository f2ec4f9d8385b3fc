using BenchmarkDotNet.Attributes;
using Jint.Native;

namespace Benchmarks;

/// <summary>Pair 4: N calls of <c>als.run(i, id, i)</c> vs N plain calls <c>id(i)</c>.</summary>
[MemoryDiagnoser, SimpleJob(warmupCount: 3, iterationCount: 10)]
public class Run
{
    private const string Module = """
        export let seen;
        function id(x) { return x; }
        export function runs(n) { let s = 0; for (let i = 0; i < n; i++) s += als.run(i, id, i); return s; }
        export function calls(n) { let s = 0; for (let i = 0; i < n; i++) s += id(i); return s; }
        export function check() { seen = als.run(7, () => als.getStore()) + ':' + runs(100) + ':' + calls(100); }
        """;

    private BenchHost _host = null!;
    private JsValue _runs = null!, _calls = null!;

    [GlobalSetup]
    public void Setup()
    {
        _host = new BenchHost(hooks: true, Module);
        _host.Expect("check", "7:4950:4950");
        _runs = _host.Export("runs");
        _calls = _host.Export("calls");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = BenchHost.N)]
    public JsValue PlainCall() => _host.Invoke(_calls);

    [Benchmark(OperationsPerInvoke = BenchHost.N)]
    [RatioTarget(2.5, "run() / plain JS call")]
    public JsValue RunCall() => _host.Invoke(_runs);
}
